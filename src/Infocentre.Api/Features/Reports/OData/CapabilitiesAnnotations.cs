using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Vocabularies;

namespace Infocentre.Api.Features.Reports.OData;

/// <summary>
/// Advertises in $metadata what the service really supports (OData conformance: advertise only what works), so
/// that clients such as Power BI do not try the rest: every set is read-only, countable, pageable, filterable and
/// sortable with the listed functions, not searchable nor expandable nor addressable by key, and aggregatable
/// with $apply (aggregate, groupby, filter, compute). Added to the catalogue's model after it is built.
/// </summary>
internal static class CapabilitiesAnnotations
{
    private const string Capabilities = "Org.OData.Capabilities.V1";
    private const string Aggregation = "Org.OData.Aggregation.V1";

    private static readonly string[] Transformations = ["aggregate", "groupby", "filter", "compute"];

    /// <summary>No rollup: groupby takes plain properties only.</summary>
    private static readonly EdmEnumMember RollupNone = CreateRollupNone();

    /// <summary>The Aggregation vocabulary is not built into Microsoft.OData.Edm: its one term used here.</summary>
    private static readonly EdmTerm ApplySupported = CreateApplySupportedTerm();

    public static void AddTo(EdmModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.FindDeclaredVocabularyAnnotations(model.EntityContainer).Any(a => a.Term.FullName() == $"{Capabilities}.BatchSupported"))
        {
            return;
        }

        Annotate(model, model.EntityContainer, Term(model, "BatchSupported"), new EdmBooleanConstant(false));
        Annotate(model, model.EntityContainer, Term(model, "FilterFunctions"), FilterFunctions());
        Annotate(model, model.EntityContainer, ApplySupported, ApplySupportedRecord());
        foreach (var set in model.EntityContainer.EntitySets())
        {
            Annotate(model, set, Term(model, "InsertRestrictions"), Record(("Insertable", false)));
            Annotate(model, set, Term(model, "UpdateRestrictions"), Record(("Updatable", false)));
            Annotate(model, set, Term(model, "DeleteRestrictions"), Record(("Deletable", false)));
            Annotate(model, set, Term(model, "CountRestrictions"), Record(("Countable", true)));
            Annotate(model, set, Term(model, "TopSupported"), new EdmBooleanConstant(true));
            Annotate(model, set, Term(model, "SkipSupported"), new EdmBooleanConstant(true));
            Annotate(model, set, Term(model, "ComputeSupported"), new EdmBooleanConstant(true));
            Annotate(model, set, Term(model, "IndexableByKey"), new EdmBooleanConstant(false));
            Annotate(model, set, Term(model, "SelectSupport"), Record(("Supported", true)));
            Annotate(model, set, Term(model, "FilterRestrictions"), Record(("Filterable", true)));
            Annotate(model, set, Term(model, "SortRestrictions"), Record(("Sortable", true)));
            Annotate(model, set, Term(model, "SearchRestrictions"), Record(("Searchable", false)));
            Annotate(model, set, Term(model, "ExpandRestrictions"), Record(("Expandable", false)));
            Annotate(model, set, Term(model, "FilterFunctions"), FilterFunctions());
            Annotate(model, set, ApplySupported, ApplySupportedRecord());
        }

        var references = model.GetEdmReferences()?.ToList() ?? [];
        references.Add(Reference("Org.OData.Core.V1", "Core"));
        references.Add(Reference(Capabilities, "Capabilities"));
        references.Add(Reference(Aggregation, "Aggregation"));
        model.SetEdmReferences(references);
    }

    private static IEdmTerm Term(EdmModel model, string name) =>
        model.FindTerm($"{Capabilities}.{name}") ?? throw new InvalidOperationException($"Unknown term {Capabilities}.{name}.");

    private static EdmCollectionExpression FilterFunctions() =>
        new(ODataFunctions.Names.Select(n => (IEdmExpression)new EdmStringConstant(n)));

    private static EdmRecordExpression ApplySupportedRecord() => new(
        new EdmPropertyConstructor("Transformations", new EdmCollectionExpression(Transformations.Select(t => (IEdmExpression)new EdmStringConstant(t)))),
        new EdmPropertyConstructor("CustomAggregationMethods", new EdmCollectionExpression()),
        new EdmPropertyConstructor("Rollup", new EdmEnumMemberExpression(RollupNone)));

    private static EdmRecordExpression Record(params (string Name, bool Value)[] properties) =>
        new(properties.Select(p => (IEdmPropertyConstructor)new EdmPropertyConstructor(p.Name, new EdmBooleanConstant(p.Value))));

    private static void Annotate(EdmModel model, IEdmVocabularyAnnotatable target, IEdmTerm term, IEdmExpression value)
    {
        var annotation = new EdmVocabularyAnnotation(target, term, value);
        annotation.SetSerializationLocation(model, EdmVocabularyAnnotationSerializationLocation.Inline);
        model.AddVocabularyAnnotation(annotation);
    }

    private static EdmReference Reference(string vocabulary, string alias)
    {
        var reference = new EdmReference(new Uri($"https://oasis-tcs.github.io/odata-vocabularies/vocabularies/{vocabulary}.xml"));
        reference.AddInclude(new EdmInclude(alias, vocabulary));
        return reference;
    }

    private static EdmEnumMember CreateRollupNone()
    {
        var rollup = new EdmEnumType(Aggregation, "RollupType");
        var none = new EdmEnumMember(rollup, "None", new EdmEnumMemberValue(0));
        rollup.AddMember(none);
        rollup.AddMember(new EdmEnumMember(rollup, "SingleHierarchy", new EdmEnumMemberValue(1)));
        rollup.AddMember(new EdmEnumMember(rollup, "MultipleHierarchies", new EdmEnumMemberValue(2)));
        return none;
    }

    private static EdmTerm CreateApplySupportedTerm()
    {
        var type = new EdmComplexType(Aggregation, "ApplySupportedType");
        var strings = EdmCoreModel.GetCollection(EdmCoreModel.Instance.GetString(false));
        type.AddStructuralProperty("Transformations", strings);
        type.AddStructuralProperty("CustomAggregationMethods", strings);
        type.AddStructuralProperty("Rollup", new EdmEnumTypeReference((IEdmEnumType)RollupNone.DeclaringType, isNullable: false));
        return new EdmTerm(Aggregation, "ApplySupported", new EdmComplexTypeReference(type, isNullable: false));
    }
}
