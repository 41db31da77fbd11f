using System.Xml.Linq;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.OData.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.OData;

/// <summary>
/// $metadata advertises, on every entity set, what the service really does (Org.OData.Capabilities.V1 and
/// Org.OData.Aggregation.V1), and every advertised filter function works on both engines.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class CapabilitiesTests(TinyWarehouses warehouses)
{
    private static readonly XNamespace Edm = "http://docs.oasis-open.org/odata/ns/edm";
    private static readonly XNamespace Edmx = "http://docs.oasis-open.org/odata/ns/edmx";

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Every_entity_set_is_annotated_read_only_countable_pageable_not_searchable_nor_expandable(WarehouseProvider provider)
    {
        var app = await ODataApps.GetAsync(warehouses, provider);
        var metadata = XDocument.Parse((await app.Client.GetOkAsync("/odata/$metadata")).Body);
        var aliases = metadata.Descendants(Edmx + "Include").ToDictionary(i => (string)i.Attribute("Alias")!, i => (string)i.Attribute("Namespace")!);
        Assert.Equal("Org.OData.Capabilities.V1", aliases["Capabilities"]);
        var sets = metadata.Descendants(Edm + "EntitySet").ToList();
        Assert.True(sets.Count >= 20, $"{sets.Count} entity sets");

        foreach (var set in sets)
        {
            var annotations = set.Elements(Edm + "Annotation").ToDictionary(a => Resolve((string)a.Attribute("Term")!, aliases));
            string Because(string term) => $"{set.Attribute("Name")!.Value}: {term}";

            Assert.Equal("false", RecordValue(annotations, "Org.OData.Capabilities.V1.InsertRestrictions", "Insertable", Because));
            Assert.Equal("false", RecordValue(annotations, "Org.OData.Capabilities.V1.UpdateRestrictions", "Updatable", Because));
            Assert.Equal("false", RecordValue(annotations, "Org.OData.Capabilities.V1.DeleteRestrictions", "Deletable", Because));
            Assert.Equal("true", RecordValue(annotations, "Org.OData.Capabilities.V1.CountRestrictions", "Countable", Because));
            Assert.Equal("false", RecordValue(annotations, "Org.OData.Capabilities.V1.SearchRestrictions", "Searchable", Because));
            Assert.Equal("false", RecordValue(annotations, "Org.OData.Capabilities.V1.ExpandRestrictions", "Expandable", Because));
            Assert.Equal("true", (string?)annotations["Org.OData.Capabilities.V1.TopSupported"].Attribute("Bool"));
            Assert.Equal("true", (string?)annotations["Org.OData.Capabilities.V1.SkipSupported"].Attribute("Bool"));
            var functions = FilterFunctions(annotations);
            Assert.Contains("contains", functions);
            Assert.DoesNotContain("matchesPattern", functions);
            var transformations = annotations["Org.OData.Aggregation.V1.ApplySupported"].Descendants(Edm + "PropertyValue")
                .Single(p => (string?)p.Attribute("Property") == "Transformations").Descendants(Edm + "String").Select(s => s.Value);
            Assert.Equal(["aggregate", "groupby", "filter", "compute"], transformations);
        }
    }

    /// <summary>Advertise only what works: each function of FilterFunctions, in a $filter, on both engines.</summary>
    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Every_advertised_filter_function_works(WarehouseProvider provider)
    {
        var app = await ODataApps.GetAsync(warehouses, provider);
        var metadata = XDocument.Parse((await app.Client.GetOkAsync("/odata/$metadata")).Body);
        var aliases = metadata.Descendants(Edmx + "Include").ToDictionary(i => (string)i.Attribute("Alias")!, i => (string)i.Attribute("Namespace")!);
        var set = metadata.Descendants(Edm + "EntitySet").Single(s => (string?)s.Attribute("Name") == "ExecutionBudgetaire");
        var functions = FilterFunctions(set.Elements(Edm + "Annotation").ToDictionary(a => Resolve((string)a.Attribute("Term")!, aliases)));

        foreach (var function in functions)
        {
            var filter = function switch
            {
                "contains" or "startswith" => $"{function}(ProgrammeCode,'0')",
                "endswith" => "endswith(ProgrammeCode,'3')",
                "length" => "length(ProgrammeCode) gt 0",
                "indexof" => "indexof(ProgrammeCode,'0') ge 0",
                "substring" => "substring(ProgrammeCode,1) ne 'x'",
                "tolower" or "toupper" or "trim" => $"{function}(ProgrammeCode) ne 'x'",
                "concat" => "concat(ProgrammeCode,'x') ne 'x'",
                "year" or "month" or "day" => $"{function}(DateComptable) gt 0",
                _ => throw new InvalidOperationException($"No test for the advertised function {function}: add one."),
            };

            var response = await app.Client.SendAsync(ODataHttp.Url($"/odata/ExecutionBudgetaire?$filter={filter}&$top=1&$count=true"));

            Assert.True(response.Code == 200, $"{function}: {response}");
            Assert.True(response.Json().GetProperty("@odata.count").GetInt64() > 0, $"{function}: {response}");
        }
    }

    private static List<string> FilterFunctions(Dictionary<string, XElement> annotations) =>
        annotations["Org.OData.Capabilities.V1.FilterFunctions"].Descendants(Edm + "String").Select(s => s.Value).ToList();

    private static string? RecordValue(Dictionary<string, XElement> annotations, string term, string property, Func<string, string> because)
    {
        Assert.True(annotations.ContainsKey(term), because(term));
        return (string?)annotations[term].Descendants(Edm + "PropertyValue").Single(p => (string?)p.Attribute("Property") == property).Attribute("Bool");
    }

    private static string Resolve(string term, Dictionary<string, string> aliases)
    {
        var dot = term.LastIndexOf('.');
        var qualifier = term[..dot];
        return (aliases.TryGetValue(qualifier, out var ns) ? ns : qualifier) + term[dot..];
    }
}
