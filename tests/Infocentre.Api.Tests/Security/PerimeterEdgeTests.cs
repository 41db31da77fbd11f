using System.Globalization;
using Infocentre.Access;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Security.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Security;

/// <summary>
/// The perimeter beyond the matrix: programme-narrowed tokens, callers without perimeter, claims that look like a
/// perimeter but are not one, report parameters that name another ministry, and paging links that must not carry
/// (or widen) a perimeter.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class PerimeterEdgeTests(TinyWarehouses warehouses)
{
    [Theory]
    [InlineData(WarehouseProvider.Sqlite, "Credits")]
    [InlineData(WarehouseProvider.Sqlite, "EcrituresComptables")]
    [InlineData(WarehouseProvider.Sqlite, "VersementsSubventions")]
    [InlineData(WarehouseProvider.PostgreSql, "Credits")]
    [InlineData(WarehouseProvider.PostgreSql, "EcrituresComptables")]
    [InlineData(WarehouseProvider.PostgreSql, "ExecutionBudgetaire")]
    public async Task A_programme_narrowed_token_sees_only_that_programme_of_an_entity_set(WarehouseProvider provider, string set)
    {
        var app = await SecurityApps.GetAsync(warehouses, provider);
        var target = PerimeterTargets.Find(set);
        var perimeter = Perimeter.Of("MIN09", "0176");
        var token = app.TokenFor(perimeter);
        var (sum, count) = await target.ExpectedAsync(app.Warehouse, perimeter, null);
        Assert.NotEqual(0m, sum);

        var rows = await PerimeterMatrixTests.FollowAsync(app, $"/odata/{set}?$select=MinistereCode,ProgrammeCode,{target.Measure}", token);
        Assert.All(rows, r => Assert.Equal(("MIN09", "0176"), (r.Text("MinistereCode"), r.Text("ProgrammeCode"))));
        Assert.Equal(count, rows.Count);
        Assert.Equal(sum, rows.Sum(target.Measure));

        var groups = await PerimeterMatrixTests.FollowAsync(app, $"/odata/{set}?$apply=groupby((ProgrammeCode),aggregate({target.Measure} with sum as Total))", token);
        Assert.Equal("0176", Assert.Single(groups).Text("ProgrammeCode"));
        Assert.Equal(sum, groups[0].Decimal("Total"));
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task A_programme_narrowed_token_sees_only_that_programme_in_reports_over_rest_and_odata(WarehouseProvider provider)
    {
        var app = await SecurityApps.GetAsync(warehouses, provider);
        var perimeter = Perimeter.Of("MIN09", "0176");
        var token = app.TokenFor(perimeter);
        var exercice = await IndependentSql.LatestExerciceAsync(app.Warehouse);
        var year = exercice.ToString(CultureInfo.InvariantCulture);
        foreach (var code in new[] { "INF-BUD-40", "INF-BUD-53", "INF-SUB-01", "INF-BUD-90" })
        {
            var target = PerimeterTargets.Find(code);
            var (sum, _) = await target.ExpectedAsync(app.Warehouse, perimeter, exercice);
            Assert.NotEqual(0m, sum);
            foreach (var url in new[] { $"/api/reports/{code}/rows?exercice={year}", $"/odata/{target.EntitySet}?exercice={year}" })
            {
                var rows = await PerimeterMatrixTests.FollowAsync(app, url, token);
                if (target.ProgrammeColumn is { } programme)
                {
                    Assert.All(rows, r => Assert.Equal("0176", r.Text(programme)));
                }

                Assert.Equal(sum, rows.Sum(target.Measure));
            }
        }
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task A_programme_of_another_ministry_grants_nothing(WarehouseProvider provider)
    {
        var app = await SecurityApps.GetAsync(warehouses, provider);
        // 0163 belongs to MIN18: the perimeter is the intersection, not the union.
        var token = app.Reader("min09-with-0163", ["MIN09"], ["0163"]);
        foreach (var set in PerimeterTargets.EntitySets)
        {
            var count = (await app.GetOkAsync($"/odata/{set.EntitySet}?$count=true&$top=0", token)).ODataCount();
            Assert.True(count == 0, $"{set.EntitySet}: {count} rows visible to MIN09 narrowed to a MIN18 programme");
        }
    }

    public static TheoryData<string, string[]?, string[]?> NotAPerimeter() => new()
    {
        // No ministry claim, not interministerial: sees nothing.
        { "no claims", null, null },
        // Programmes alone are not a perimeter.
        { "programmes only", null, ["0176", "0163"] },
        // Codes are compared exactly.
        { "lower-case ministry", ["min09"], null },
        { "padded ministry", [" MIN09"], null },
        { "wildcard ministry", ["*"], null },
        { "SQL-looking ministry", ["MIN09' OR '1'='1"], null },
        { "unknown ministry", ["MIN99"], null },
    };

    [Theory]
    [MemberData(nameof(NotAPerimeter))]
    public async Task Claims_that_are_not_a_valid_perimeter_see_no_rows(string label, string[]? ministeres, string[]? programmes)
    {
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var token = app.App.Token(roles: [Roles.Reader], ministeres: ministeres ?? [], programmes: programmes, interministeriel: false, subject: "edge-" + label);
        var exercice = (await IndependentSql.LatestExerciceAsync(app.Warehouse)).ToString(CultureInfo.InvariantCulture);
        foreach (var set in PerimeterTargets.EntitySets)
        {
            Assert.Equal(0, (await app.GetOkAsync($"/odata/{set.EntitySet}?$count=true&$top=0", token)).ODataCount());
        }

        foreach (var report in PerimeterTargets.Reports.Where(r => r.ReportCode is "INF-BUD-40" or "INF-BUD-90" or "INF-SUB-01"))
        {
            var rows = (await app.GetOkAsync($"/api/reports/{report.ReportCode}/rows?exercice={exercice}", token)).Rows();
            PerimeterMatrixTests.AssertRows(report, Perimeter.Nothing, new Dictionary<string, string>(), rows, 0m, $"{label}: {report.ReportCode}");
        }
    }

    [Fact]
    public async Task A_perimetre_claim_other_than_interministeriel_grants_nothing()
    {
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        foreach (var value in new[] { "Interministeriel", "interministeriel ", "all", "*", "true" })
        {
            var token = Tokens.Custom(app.App.SigningKey, new Dictionary<string, object>
            {
                ["sub"] = "edge-perimetre", ["role"] = "reader", ["perimetre"] = value,
            });
            Assert.Equal(0, (await app.GetOkAsync("/odata/Credits?$count=true&$top=0", token)).ODataCount());
        }
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task A_report_parameter_naming_another_ministry_returns_nothing_rather_than_its_rows(WarehouseProvider provider)
    {
        var app = await SecurityApps.GetAsync(warehouses, provider);
        var token = app.TokenFor(Perimeter.Of("MIN09"));
        var exercice = (await IndependentSql.LatestExerciceAsync(app.Warehouse)).ToString(CultureInfo.InvariantCulture);
        Assert.Empty((await app.GetOkAsync($"/api/reports/INF-BUD-40/rows?exercice={exercice}&ministere=MIN18", token)).Rows());
        Assert.Empty((await app.GetOkAsync($"/odata/ConsommationParProgramme?exercice={exercice}&ministere=MIN18", token)).Rows());
        Assert.Empty((await app.GetOkAsync($"/api/reports/INF-BUD-01/rows?exercice={exercice}&programme=0163", token)).Rows());
        Assert.Empty((await app.GetOkAsync($"/api/reports/INF-BUD-40/rows?exercice={exercice}&filter=Ministere eq 'MIN18'", token)).Rows());
        Assert.Empty((await app.GetOkAsync("/odata/Credits?$filter=MinistereCode eq 'MIN18' or ProgrammeCode eq '0163'", token)).Rows());
        // The list of values of a parameter is read through the same perimeter.
        var values = (await app.GetOkAsync("/api/reports/INF-BUD-40/parameters/ministere/values", token)).Json.GetProperty("values");
        Assert.Equal(["MIN09"], values.EnumerateArray().Select(v => v.GetString()));
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task OData_next_links_keep_the_perimeter_on_every_page(WarehouseProvider provider)
    {
        var app = await SecurityApps.GetAsync(warehouses, provider, SecurityApps.Configured);
        var exercice = await IndependentSql.LatestExerciceAsync(app.Warehouse);
        foreach (var ministere in new[] { "MIN09", "MIN18" })
        {
            var perimeter = Perimeter.Of(ministere);
            var token = app.TokenFor(perimeter);

            var credits = PerimeterTargets.Find("Credits");
            var (sum, count) = await credits.ExpectedAsync(app.Warehouse, perimeter, null);
            var rows = await FollowCheckingPagesAsync(app, "/odata/Credits?$select=Id,MinistereCode,AeLfi", token);
            Assert.True(count > SecurityApps.ConfiguredPageSize, "the set must span several pages");
            Assert.All(rows, r => Assert.Equal(ministere, r.Text("MinistereCode")));
            Assert.Equal(count, rows.Count);
            Assert.Equal(sum, rows.Sum("AeLfi"));

            var report = PerimeterTargets.Find("INF-DEP-02");
            var expected = (await report.ExpectedAsync(app.Warehouse, perimeter, exercice)).Sum;
            var year = exercice.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(expected, (await FollowCheckingPagesAsync(app, $"/odata/{report.EntitySet}?exercice={year}", token)).Sum(report.Measure));
            Assert.Equal(expected, (await FollowCheckingPagesAsync(app, $"/api/reports/{report.ReportCode}/rows?exercice={year}&top=2", token)).Sum(report.Measure));

            // $apply pages use $skip: each page re-runs the aggregation, within the perimeter.
            var groups = await FollowCheckingPagesAsync(app, "/odata/Credits?$apply=groupby((MinistereCode,Exercice,DomaineFonctionnelCode),aggregate(AeLfi with sum as Total))", token);
            Assert.All(groups, g => Assert.Equal(ministere, g.Text("MinistereCode")));
            Assert.Equal(sum, groups.Sum("Total"));
        }
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task A_next_link_followed_with_another_token_serves_that_tokens_perimeter(WarehouseProvider provider)
    {
        var app = await SecurityApps.GetAsync(warehouses, provider, SecurityApps.Configured);
        var min09 = app.TokenFor(Perimeter.Of("MIN09"));
        var min18 = app.TokenFor(Perimeter.Of("MIN18"));
        var exercice = (await IndependentSql.LatestExerciceAsync(app.Warehouse)).ToString(CultureInfo.InvariantCulture);
        foreach (var url in new[] { "/odata/Credits?$select=Id,MinistereCode", "/odata/ExecutionBudgetaire?$select=Id,Source,MinistereCode", $"/api/reports/INF-BUD-40/rows?exercice={exercice}&top=1" })
        {
            var next = (await app.GetOkAsync(url, min09)).NextLink();
            Assert.NotNull(next);
            // The link carries no perimeter: whoever follows it gets their own rows only.
            var rows = await PerimeterMatrixTests.FollowAsync(app, next, min18);
            Assert.All(rows, r => Assert.Equal("MIN18", r.TryGetProperty("MinistereCode", out var m) ? m.GetString() : r.Text("Ministere")));
            Assert.Empty(await PerimeterMatrixTests.FollowAsync(app, next, app.TokenFor(Perimeter.Nothing)));
        }
    }

    [Fact]
    public async Task Interministerial_callers_see_every_ministry()
    {
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var groups = (await app.GetOkAsync("/odata/Credits?$apply=groupby((MinistereCode))", app.TokenFor(Perimeter.All))).Rows();
        Assert.Equal(["MIN09", "MIN18"], groups.Select(g => g.Text("MinistereCode")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Referentials_are_public_to_every_reader_whatever_the_perimeter()
    {
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        foreach (var token in new[] { app.TokenFor(Perimeter.Nothing), app.TokenFor(Perimeter.Of("MIN18")) })
        {
            Assert.Equal(2, (await app.GetOkAsync("/odata/Ministeres", token)).Rows().Count);
            Assert.Equal(3, (await app.GetOkAsync("/odata/Programmes", token)).Rows().Count);
        }
    }

    private static async Task<List<System.Text.Json.JsonElement>> FollowCheckingPagesAsync(SecurityApp app, string url, string token)
    {
        var rows = new List<System.Text.Json.JsonElement>();
        string? next = url;
        var pages = 0;
        while (next is not null)
        {
            Assert.True(++pages < 500, "next links do not progress");
            var page = await app.GetOkAsync(next, token);
            Assert.True(page.Rows().Count <= SecurityApps.ConfiguredPageSize || url.Contains("/api/", StringComparison.Ordinal), $"{next}: page larger than the page size");
            rows.AddRange(page.Rows());
            next = page.NextLink();
        }

        Assert.True(pages > 1, $"{url}: a single page, paging not exercised");
        return rows;
    }
}
