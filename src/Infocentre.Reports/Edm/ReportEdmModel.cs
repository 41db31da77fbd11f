using Infocentre.Reports.Compilation;
using Infocentre.Reports.Definitions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Vocabularies;
using Microsoft.OData.Edm.Vocabularies.V1;
using Microsoft.OData.ModelBuilder;
using Microsoft.OData.ModelBuilder.Config;

namespace Infocentre.Reports.Edm;

/// <summary>
/// The OData model: one typed entity set per report (keyed on its dimensions) and the reporting views and main
/// dimensions for self-service analysis, each described in French through Core.Description annotations.
/// </summary>
public static class ReportEdmModel
{
    public const string Namespace = "Infocentre";

    public static IEdmModel Build(IReadOnlyList<CompiledReport> reports, IModel warehouse)
    {
        var builder = new ODataConventionModelBuilder { Namespace = Namespace, ContainerName = "Infocentre" };
        foreach (var (name, source) in ReportSources.All)
        {
            var type = builder.AddEntityType(source.ClrType);
            type.DerivesFromNothing();
            AllowQueries(type);
            foreach (var key in warehouse.FindEntityType(source.ClrType)!.FindPrimaryKey()!.Properties)
            {
                type.HasKey(key.PropertyInfo!);
            }

            builder.AddEntitySet(name, type);
        }

        foreach (var report in reports)
        {
            var type = builder.AddEntityType(report.RowType);
            AllowQueries(type);
            foreach (var key in report.KeyProperties)
            {
                type.HasKey(report.RowType.GetProperty(key)!);
            }

            builder.AddEntitySet(report.Definition.EntitySet, type);
        }

        var model = (EdmModel)builder.GetEdmModel();
        Describe(model, reports);
        return model;
    }

    /// <summary>
    /// Model-bound query settings: every property may be filtered, sorted, selected and counted, whichever route
    /// (OData or REST) binds the query. Limits are enforced by the validation settings of each request.
    /// </summary>
    private static void AllowQueries(EntityTypeConfiguration type)
    {
        type.QueryConfiguration.SetFilter(null, true);
        type.QueryConfiguration.SetOrderBy(null, true);
        type.QueryConfiguration.SetSelect(null, SelectExpandType.Allowed);
        type.QueryConfiguration.SetCount(true);
        // No model-bound cap: MaxTop is enforced per request from the service's configured limits.
        type.QueryConfiguration.SetMaxTop(int.MaxValue);
    }

    private static void Describe(EdmModel model, IReadOnlyList<CompiledReport> reports)
    {
        foreach (var (name, source) in ReportSources.All)
        {
            Annotate(model, model.EntityContainer.FindEntitySet(name), CoreVocabularyModel.DescriptionTerm, source.Description);
        }

        foreach (var report in reports)
        {
            var set = model.EntityContainer.FindEntitySet(report.Definition.EntitySet);
            Annotate(model, set, CoreVocabularyModel.DescriptionTerm, $"{report.Definition.Code} : {report.Definition.Title}");
            Annotate(model, set, CoreVocabularyModel.LongDescriptionTerm, report.Definition.Description.Trim());
            var type = set.EntityType;
            foreach (var column in report.Columns)
            {
                var property = type.FindProperty(column.Name);
                Annotate(model, property, CoreVocabularyModel.DescriptionTerm, column.Label);
                if (!string.IsNullOrWhiteSpace(column.Description))
                {
                    Annotate(model, property, CoreVocabularyModel.LongDescriptionTerm, column.Description.Trim());
                }
            }
        }
    }

    private static void Annotate(EdmModel model, IEdmVocabularyAnnotatable target, IEdmTerm term, string text)
    {
        var annotation = new EdmVocabularyAnnotation(target, term, new EdmStringConstant(text));
        annotation.SetSerializationLocation(model, EdmVocabularyAnnotationSerializationLocation.Inline);
        model.AddVocabularyAnnotation(annotation);
    }
}
