using System.Net;
using System.Text.Json;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Rest;

/// <summary>GET /api/reports and /api/reports/{code}: the catalogue as the reports/ folder defines it.</summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class RestCatalogueTests(TinyWarehouses warehouses)
{
    private static List<JsonElement> Items(ApiResponse response) => response.Json.EnumerateArray().ToList();

    private static List<string> Codes(ApiResponse response) =>
        Items(response).Select(r => r.GetProperty("code").GetString()!).Order(StringComparer.Ordinal).ToList();

    /// <summary>Code and domain of every definition file of reports/, read from the files themselves.</summary>
    private static List<(string Code, string Domain)> DefinitionFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Reports, "*.yaml", SearchOption.AllDirectories)
            .Select(f => (Path.GetFileNameWithoutExtension(f), Path.GetFileName(Path.GetDirectoryName(f)!)))
            .OrderBy(x => x.Item1, StringComparer.Ordinal)
            .ToList();

    /// <summary>The entity set of each definition file, read with a plain YAML parser (not through the engine under test).</summary>
    private static Dictionary<string, string> EntitySets() =>
        Catalogue.DefinitionFile.All.ToDictionary(d => d.Code, d => d.EntitySet, StringComparer.Ordinal);

    [Fact]
    public async Task The_catalogue_lists_every_definition_of_the_reports_folder_with_its_links()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var response = await app.Client.GetOkAsync("/api/reports");

        Assert.Equal("application/json", response.MediaType);
        Assert.Equal(DefinitionFiles().Select(d => d.Code).ToList(), Codes(response));
        var entitySets = EntitySets();
        foreach (var item in Items(response))
        {
            var code = item.GetProperty("code").GetString()!;
            Assert.Equal(entitySets[code], item.GetProperty("entitySet").GetString());
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("title").GetString()));
            Assert.NotEqual(0, item.GetProperty("columns").GetArrayLength());
            var links = item.GetProperty("links");
            Assert.Equal($"/api/reports/{code}", links.GetProperty("self").GetString());
            Assert.Equal($"/api/reports/{code}/rows", links.GetProperty("rows").GetString());
            Assert.Equal($"/odata/{entitySets[code]}", links.GetProperty("oData").GetString());
        }
    }

    [Theory]
    [InlineData("budget")]
    [InlineData("depenses")]
    [InlineData("comptabilite-generale")]
    [InlineData("recettes-non-fiscales")]
    [InlineData("subventions")]
    [InlineData("BUDGET")]
    public async Task The_catalogue_filters_by_domain(string domain)
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var expected = DefinitionFiles().Where(d => string.Equals(d.Domain, domain, StringComparison.OrdinalIgnoreCase)).Select(d => d.Code).ToList();
        Assert.NotEmpty(expected);

        var response = await app.Client.GetOkAsync("/api/reports" + Http.Query(("domain", domain)));

        Assert.Equal(expected, Codes(response));
        Assert.All(Items(response), r => Assert.Equal(domain, r.GetProperty("domain").GetString(), ignoreCase: true));
    }

    [Fact]
    public async Task An_unknown_domain_gives_an_empty_list()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        Assert.Empty(Codes(await app.Client.GetOkAsync("/api/reports?domain=inconnu")));
    }

    [Theory]
    [InlineData("paiement")]
    [InlineData("PAIEMENT")]
    [InlineData("INF-BUD")]
    [InlineData("inf-dep-5")]
    [InlineData("Balance générale")]
    [InlineData("associations")]
    [InlineData("introuvable-nulle-part")]
    public async Task The_catalogue_filters_by_text_in_code_title_or_description(string text)
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var all = Items(await app.Client.GetOkAsync("/api/reports"));
        var expected = all.Where(r => new[] { "code", "title", "description" }
                .Any(p => r.GetProperty(p).GetString()!.Contains(text, StringComparison.OrdinalIgnoreCase)))
            .Select(r => r.GetProperty("code").GetString()!).Order(StringComparer.Ordinal).ToList();

        var response = await app.Client.GetOkAsync("/api/reports" + Http.Query(("q", text)));

        Assert.Equal(expected, Codes(response));
    }

    [Fact]
    public async Task Domain_and_text_filters_combine()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var response = await app.Client.GetOkAsync("/api/reports?domain=budget&q=programme");

        var codes = Codes(response);
        Assert.NotEmpty(codes);
        Assert.All(Items(response), r => Assert.Equal("budget", r.GetProperty("domain").GetString()));
        Assert.DoesNotContain("INF-REC-05", codes);
    }

    [Fact]
    public async Task One_report_describes_its_parameters_columns_and_default_order()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var response = await app.Client.GetOkAsync("/api/reports/INF-BUD-53");

        var report = response.Json;
        Assert.Equal("INF-BUD-53", report.GetProperty("code").GetString());
        Assert.Equal("budget", report.GetProperty("domain").GetString());
        var parameters = report.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["centreFinancier", "exercice", "programme"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("int", parameters["exercice"].GetProperty("type").GetString());
        Assert.True(parameters["exercice"].GetProperty("required").GetBoolean());
        Assert.Equal("latest", parameters["exercice"].GetProperty("default").GetString());
        Assert.Equal("ProgrammeCode", parameters["programme"].GetProperty("valuesFrom").GetString());
        var columns = report.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(Expected.Keys["INF-BUD-53"], columns.Where(c => c.GetProperty("kind").GetString() == "dimension").Select(c => c.GetProperty("name").GetString()));
        var ae = columns.Single(c => c.GetProperty("name").GetString() == "Ae");
        Assert.Equal("measure", ae.GetProperty("kind").GetString());
        Assert.Equal("number", ae.GetProperty("type").GetString());
        Assert.Equal("integer", columns.Single(c => c.GetProperty("name").GetString() == "PosteEj").GetProperty("type").GetString());
        Assert.Equal(["Programme", "CentreFinancier", "NumeroEj", "PosteEj"], report.GetProperty("defaultOrder").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public async Task Report_codes_are_found_whatever_their_case()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var response = await app.Client.GetOkAsync("/api/reports/inf-bud-53");

        Assert.Equal("INF-BUD-53", response.Json.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/api/reports/INF-XXX-99")]
    [InlineData("/api/reports/INF-XXX-99/rows")]
    [InlineData("/api/reports/INF-XXX-99/parameters/exercice/values")]
    public async Task An_unknown_report_is_a_404_problem_naming_the_code(string url)
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var response = await app.Client.FetchAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(404, response.Json.GetProperty("status").GetInt32());
        Assert.Contains("INF-XXX-99", response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(response.Json.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task The_catalogue_is_served_as_the_odata_service_document_too()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var service = await app.Client.GetOkAsync("/odata");

        var names = service.Json.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("name").GetString()).ToHashSet();
        foreach (var set in EntitySets().Values)
        {
            Assert.Contains(set, names);
        }
    }
}
