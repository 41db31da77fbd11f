using System.Globalization;
using System.Net;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Reports;

/// <summary>Unknown properties and queries beyond the configured limits are a 400 that says why, never a 500.</summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class QueryLimitTests(TinyWarehouses warehouses)
{
    private static void AssertODataError(ApiResponse response, string mentions)
    {
        Assert.True(response.Status == HttpStatusCode.BadRequest, response.ToString());
        Assert.Equal("application/json", response.MediaType);
        var message = response.Json.GetProperty("error").GetProperty("message").GetString();
        Assert.Contains(mentions, message, StringComparison.Ordinal);
    }

    private static void AssertProblem(ApiResponse response, string mentions)
    {
        Assert.True(response.Status == HttpStatusCode.BadRequest, response.ToString());
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Contains(mentions, response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A filter of <paramref name="terms"/> comparisons joined by "or": 4 nodes per term.</summary>
    private static string LongFilter(string property, int terms) =>
        string.Join(" or ", Enumerable.Range(1, terms).Select(i => $"{property} eq {i.ToString(CultureInfo.InvariantCulture)}"));

    [Theory]
    [InlineData("/odata/ConsommationParProgramme", "$filter", "Inconnue eq 1")]
    [InlineData("/odata/ConsommationParProgramme", "$select", "Programme,Inconnue")]
    [InlineData("/odata/ConsommationParProgramme", "$orderby", "Inconnue desc")]
    [InlineData("/odata/ConsommationParProgramme", "$apply", "groupby((Inconnue))")]
    [InlineData("/odata/DemandesPaiement", "$filter", "Inconnue eq 1")]
    [InlineData("/odata/DemandesPaiement", "$select", "Inconnue")]
    [InlineData("/odata/DemandesPaiement", "$orderby", "Inconnue")]
    public async Task OData_unknown_property_is_a_400_naming_it(string path, string option, string value)
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var response = await app.Client.FetchAsync(path + Http.Query((option, value)));

        AssertODataError(response, "Inconnue");
    }

    [Theory]
    [InlineData("filter", "Inconnue eq 1")]
    [InlineData("orderby", "Inconnue desc")]
    [InlineData("filter", "Programme eq")]
    [InlineData("orderby", "Programme sideways")]
    public async Task Rest_unknown_property_or_bad_syntax_is_a_400(string option, string value)
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var response = await app.Client.FetchAsync("/api/reports/INF-BUD-40/rows" + Http.Query((option, value)));

        Assert.True(response.Status == HttpStatusCode.BadRequest, response.ToString());
        Assert.Equal("application/problem+json", response.MediaType);
        if (value.StartsWith("Inconnue", StringComparison.Ordinal))
        {
            AssertProblem(response, "Inconnue");
        }
    }

    [Fact]
    public async Task OData_top_and_skip_above_the_configured_limits_are_a_400_naming_the_limit()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite, SharedApps.Paged);
        var maxTop = SharedApps.PagedMaxTop.Invariant();
        var maxSkip = SharedApps.PagedMaxSkip.Invariant();

        AssertODataError(await app.Client.FetchAsync($"/odata/ConsommationParProgramme?$top={(SharedApps.PagedMaxTop + 1).Invariant()}"), maxTop);
        AssertODataError(await app.Client.FetchAsync($"/odata/DemandesPaiement?$top={(SharedApps.PagedMaxTop + 1).Invariant()}"), maxTop);
        AssertODataError(await app.Client.FetchAsync($"/odata/ConsommationParProgramme?$skip={(SharedApps.PagedMaxSkip + 1).Invariant()}"), maxSkip);
        AssertODataError(await app.Client.FetchAsync($"/odata/DemandesPaiement?$skip={(SharedApps.PagedMaxSkip + 1).Invariant()}"), maxSkip);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.FetchAsync($"/odata/DemandesPaiement?$top={maxTop}&$skip={maxSkip}")).Status);
    }

    [Fact]
    public async Task OData_default_limits_apply_when_not_configured()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        AssertODataError(await app.Client.FetchAsync("/odata/ConsommationParProgramme?$top=100001"), "100000");
        AssertODataError(await app.Client.FetchAsync("/odata/ConsommationParProgramme?$skip=10000001"), "10000000");
        AssertODataError(await app.Client.FetchAsync("/odata/DemandesPaiement" + Http.Query(("$filter", LongFilter("Periode", 30)))), "100");
    }

    [Fact]
    public async Task OData_filter_with_too_many_nodes_is_a_400_naming_the_limit()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite, SharedApps.Paged);
        var limit = SharedApps.PagedMaxNodeCount.Invariant();

        AssertODataError(await app.Client.FetchAsync("/odata/DemandesPaiement" + Http.Query(("$filter", LongFilter("Periode", 8)))), limit);
        AssertODataError(await app.Client.FetchAsync("/odata/DemandesPaiementParStatut" + Http.Query(("$filter", LongFilter("PeriodeComptable", 8)))), limit);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.FetchAsync("/odata/DemandesPaiement" + Http.Query(("$filter", LongFilter("Periode", 2))))).Status);
    }

    [Fact]
    public async Task Rest_limits_are_a_400_problem_naming_the_limit()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite, SharedApps.Paged);

        AssertProblem(await app.Client.FetchAsync($"/api/reports/INF-BUD-40/rows?top={(SharedApps.PagedMaxTop + 1).Invariant()}"), SharedApps.PagedMaxTop.Invariant());
        AssertProblem(await app.Client.FetchAsync($"/api/reports/INF-BUD-40/rows?skip={(SharedApps.PagedMaxSkip + 1).Invariant()}"), SharedApps.PagedMaxSkip.Invariant());
        AssertProblem(await app.Client.FetchAsync("/api/reports/INF-BUD-40/rows?top=-1"), SharedApps.PagedMaxTop.Invariant());
        AssertProblem(await app.Client.FetchAsync("/api/reports/INF-DEP-02/rows" + Http.Query(("filter", LongFilter("PeriodeComptable", 8)))),
            SharedApps.PagedMaxNodeCount.Invariant());
    }

    [Fact]
    public async Task OData_disallowed_options_are_a_400()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var response = await app.Client.FetchAsync("/odata/DemandesPaiement" + Http.Query(("$filter", "matchesPattern(DpNumero,'^(a+)+$')")));

        Assert.True(response.Status == HttpStatusCode.BadRequest, response.ToString());
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task A_comparison_with_null_in_a_client_filter_is_not_a_server_error(WarehouseProvider provider)
    {
        // "Periode le null" is valid OData (false for every row); the library's binder cannot type the null
        // (Nullable<int> vs object). Definitions' fixed filters have their own binder; client filters must not 500.
        var app = await SharedApps.GetAsync(warehouses, provider);
        var failures = new List<string>();

        foreach (var url in new[]
        {
            "/odata/EcrituresComptables?$filter=Periode le null&$top=1",
            "/odata/BalanceGenerale?$filter=TotalDebit gt null",
            "/api/reports/INF-CGE-01/rows?filter=TotalDebit gt null",
        })
        {
            var response = await app.Client.FetchAsync(url);
            if (response.Status is not (HttpStatusCode.OK or HttpStatusCode.BadRequest))
            {
                failures.Add($"{url} → {(int)response.Status}");
            }
            else if (response.Status == HttpStatusCode.OK
                && (url.StartsWith("/api", StringComparison.Ordinal) ? Rows.From(response.Json.GetProperty("rows")) : response.ODataRows()).Count > 0)
            {
                failures.Add($"{url} → rows, where a comparison with null matches none");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
