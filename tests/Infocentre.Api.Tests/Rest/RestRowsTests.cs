using System.Net;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Rest;

/// <summary>
/// GET /api/reports/{code}/rows: the same rows as OData for the same request and as plain SQL, with paging by
/// nextLink; and the lists of values of parameters.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class RestRowsTests(TinyWarehouses warehouses)
{
    private const int MaxPages = 200;

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Rows_with_parameters_filter_orderby_top_skip_and_count_equal_odata_and_plain_sql(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var exercice = await Expected.LatestExerciceAsync(app.Warehouse, "INF-BUD-53");
        var lines = await Expected.ExecutionLinesAsync(app.Warehouse, exercice);
        var programme = lines.GroupBy(l => l.Programme).OrderByDescending(g => g.Count()).First().Key;
        var matching = (await Expected.DetailedExecutionAsync(app.Warehouse, exercice, programme, null))
            .Where(r => r.Number("Paye") > 0)
            .OrderByDescending(r => r.Number("Paye")).ThenBy(r => r.Text("NumeroEj"), StringComparer.Ordinal)
            .ToList();
        Assert.True(matching.Count >= 3, $"{matching.Count} rows only");
        var expected = matching.Skip(1).Take(2).ToList();

        var rest = await app.Client.GetOkAsync($"/api/reports/INF-BUD-53/rows" + Http.Query(
            ("exercice", exercice.Invariant()), ("programme", programme), ("filter", "Paye gt 0"), ("orderby", "Paye desc,NumeroEj"),
            ("top", "2"), ("skip", "1"), ("count", "true")));
        var odata = await app.Client.GetOkAsync("/odata/PilotageGestionVueDetaillee" + Http.Query(
            ("exercice", exercice.Invariant()), ("programme", programme), ("$filter", "Paye gt 0"), ("$orderby", "Paye desc,NumeroEj"),
            ("$top", "2"), ("$skip", "1"), ("$count", "true")));

        var restRows = Rows.From(rest.Json.GetProperty("rows"));
        Rows.AssertSameSequence(expected, restRows, $"REST = plain SQL on {provider}");
        Rows.AssertSameSequence(odata.ODataRows(), restRows, $"REST = OData on {provider}");
        Assert.Equal(matching.Count, rest.Json.GetProperty("count").GetInt64());
        Assert.Equal(odata.ODataCount(), rest.Json.GetProperty("count").GetInt64());
        Assert.Equal("INF-BUD-53", rest.Json.GetProperty("report").GetString());
        Assert.Equal(exercice, rest.Json.GetProperty("parameters").GetProperty("exercice").GetInt32());
        Assert.Equal(programme, rest.Json.GetProperty("parameters").GetProperty("programme").GetString());
        Assert.NotNull(rest.Json.GetProperty("nextLink").GetString());
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Rows_without_options_are_the_odata_rows_in_the_default_order(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        foreach (var (code, set) in ReportGoldenTests.EntitySets)
        {
            var rest = await app.Client.GetOkAsync($"/api/reports/{code}/rows");
            var odata = await app.Client.GetOkAsync($"/odata/{set}");

            Rows.AssertSameSequence(odata.ODataRows(), Rows.From(rest.Json.GetProperty("rows")), $"{code} on {provider}");
            Assert.Equal(System.Text.Json.JsonValueKind.Null, rest.Json.GetProperty("nextLink").ValueKind);
            Assert.Equal(System.Text.Json.JsonValueKind.Null, rest.Json.GetProperty("count").ValueKind);
        }
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite, false)]
    [InlineData(WarehouseProvider.PostgreSql, false)]
    [InlineData(WarehouseProvider.Sqlite, true)]
    [InlineData(WarehouseProvider.PostgreSql, true)]
    public async Task Following_next_links_gives_every_row_once_in_order_with_one_statement_per_page(WarehouseProvider provider, bool count)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var exercice = await Expected.LatestExerciceAsync(app.Warehouse, "INF-BUD-53");
        var expected = await Expected.DetailedExecutionAsync(app.Warehouse, exercice, null, null);
        var first = $"/api/reports/INF-BUD-53/rows?exercice={exercice.Invariant()}&top=4" + (count ? "&count=true" : "");
        var all = Rows.From((await app.Client.GetOkAsync($"/api/reports/INF-BUD-53/rows?exercice={exercice.Invariant()}")).Json.GetProperty("rows"));

        var rows = new List<Row>();
        string? next = first;
        for (var page = 0; next is not null; page++)
        {
            Assert.True(page < MaxPages, $"the nextLink does not progress: {next}");
            app.App.Sql.Clear();
            var response = await app.Client.GetOkAsync(next);
            var statements = SqlStatements.DataQueries(app.App.Sql.Commands);
            Assert.True(statements.Count == (count ? 2 : 1), $"page {page}: {statements.Count} statements{Environment.NewLine}{string.Join(Environment.NewLine, statements)}");
            var pageRows = Rows.From(response.Json.GetProperty("rows"));
            Assert.True(pageRows.Count <= 4);
            if (count)
            {
                Assert.Equal(expected.Count, response.Json.GetProperty("count").GetInt64());
            }

            rows.AddRange(pageRows);
            next = response.Json.GetProperty("nextLink").GetString();
            Assert.True(next is null || pageRows.Count == 4, "only the last page may be short");
        }

        Rows.AssertSameSet(expected, rows, Expected.Keys["INF-BUD-53"], "every row exactly once");
        Rows.AssertSameSequence(all, rows, "pages in the order of the unpaged rows");
    }

    [Fact]
    public async Task Next_link_keeps_parameters_and_filter()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var response = await app.Client.GetOkAsync("/api/reports/INF-BUD-53/rows" + Http.Query(
            ("exercice", "2024"), ("programme", "0163"), ("filter", "Paye ge 0"), ("top", "1")));

        var next = response.Json.GetProperty("nextLink").GetString()!;
        Assert.StartsWith("/api/reports/INF-BUD-53/rows?", next, StringComparison.Ordinal);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + next).Query);
        Assert.Equal("2024", query["exercice"]);
        Assert.Equal("0163", query["programme"]);
        Assert.Equal("Paye ge 0", query["filter"]);
        Assert.Equal("1", query["top"]);
        Assert.Equal("1", query["skip"]);
    }

    [Fact]
    public async Task Top_zero_gives_no_rows_and_no_next_link_to_itself()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var response = await app.Client.GetOkAsync("/api/reports/INF-BUD-53/rows?top=0&count=true");

        Assert.Empty(Rows.From(response.Json.GetProperty("rows")));
        Assert.True(response.Json.GetProperty("count").GetInt64() > 0);
        // A nextLink with top=0 would point to the same empty page forever.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Json.GetProperty("nextLink").ValueKind);
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Values_from_a_source_column_are_its_distinct_values_in_order(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var programmes = (await PlainSql.QueryAsync(app.Warehouse, """
                SELECT programme_code AS v FROM fact_engagement
                UNION SELECT programme_code FROM fact_service_fait
                UNION SELECT programme_code FROM fact_demande_paiement
                """)).Select(r => r.Text("v")!).Order(StringComparer.Ordinal).ToList();
        var centres = (await PlainSql.QueryAsync(app.Warehouse, """
                SELECT centre_financier_code AS v FROM fact_engagement
                UNION SELECT centre_financier_code FROM fact_service_fait
                UNION SELECT centre_financier_code FROM fact_demande_paiement
                """)).Select(r => r.Text("v")!).Order(StringComparer.Ordinal).ToList();

        var programme = await app.Client.GetOkAsync("/api/reports/INF-BUD-53/parameters/programme/values");
        var centre = await app.Client.GetOkAsync("/api/reports/INF-BUD-53/parameters/centreFinancier/values");

        Assert.Equal(programmes, programme.Json.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.False(programme.Json.GetProperty("truncated").GetBoolean());
        Assert.Equal("INF-BUD-53", programme.Json.GetProperty("report").GetString());
        Assert.Equal("programme", programme.Json.GetProperty("parameter").GetString());
        Assert.Equal(centres, centre.Json.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Values_of_a_closed_list_are_the_declared_values()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var statut = await app.Client.GetOkAsync("/api/reports/INF-DEP-02/parameters/statut/values");
        var periode = await app.Client.GetOkAsync("/api/reports/INF-CGE-01/parameters/periode/values");
        var exercice = await app.Client.GetOkAsync("/api/reports/INF-DEP-02/parameters/exercice/values");

        Assert.Equal(["PRE", "FAC", "PAY"], statut.Json.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => i.Invariant()), periode.Json.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(0, exercice.Json.GetProperty("values").GetArrayLength());
    }

    [Fact]
    public async Task Values_lists_are_truncated_at_the_page_size()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite, SharedApps.Paged);

        var response = await app.Client.GetOkAsync("/api/reports/INF-BUD-53/parameters/programme/values");

        Assert.Equal(SharedApps.PagedPageSize, response.Json.GetProperty("values").GetArrayLength());
        Assert.True(response.Json.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task Values_of_an_unknown_parameter_is_a_404_problem()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var response = await app.Client.FetchAsync("/api/reports/INF-BUD-53/parameters/inconnu/values");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Contains("inconnu", response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("count=maybe")]
    [InlineData("top=abc")]
    [InlineData("skip=1.5")]
    public async Task Ill_typed_paging_options_are_a_400_problem(string query)
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var response = await app.Client.FetchAsync("/api/reports/INF-BUD-40/rows?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
    }
}
