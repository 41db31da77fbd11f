using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Reports;

/// <summary>
/// Server-driven paging with OData:PageSize = 2: following @odata.nextLink to the end gives every row exactly
/// once, in the order of the unpaged response, with one SQL statement per page (plus one for $count).
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class ODataPagingTests(TinyWarehouses warehouses)
{
    private const int MaxPages = 200;

    private static async Task<(List<Row> Rows, List<long?> Counts)> FollowAsync(RunningApp app, string url, int statementsPerPage)
    {
        // Warm the per-process caches (freshness, latest exercice) so that each page runs only its own query;
        // the service's bookkeeping (load journal, audit trail) is not counted, see SqlStatements.
        await app.Client.GetOkAsync(url);
        var rows = new List<Row>();
        var counts = new List<long?>();
        string? next = url;
        for (var page = 0; next is not null; page++)
        {
            Assert.True(page < MaxPages, $"more than {MaxPages} pages: the nextLink does not progress ({next})");
            app.App.Sql.Clear();
            var response = await app.Client.GetOkAsync(next);
            var statements = SqlStatements.DataQueries(app.App.Sql.Commands);
            Assert.True(statements.Count == statementsPerPage,
                $"page {page} ({next}) ran {statements.Count} statements, expected {statementsPerPage}:{Environment.NewLine}{string.Join(Environment.NewLine + "---" + Environment.NewLine, statements)}");

            var pageRows = response.ODataRows();
            Assert.True(pageRows.Count <= SharedApps.PagedPageSize, $"page {page} has {pageRows.Count} rows");
            var nextLink = response.ODataNextLink();
            if (nextLink is not null)
            {
                Assert.Equal(SharedApps.PagedPageSize, pageRows.Count);
            }

            rows.AddRange(pageRows);
            counts.Add(response.ODataCount());
            next = nextLink;
        }

        return (rows, counts);
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Report_pages_give_every_row_once_in_a_stable_order_with_one_statement_per_page(WarehouseProvider provider)
    {
        var paged = await SharedApps.GetAsync(warehouses, provider, SharedApps.Paged);
        var unpaged = await SharedApps.GetAsync(warehouses, provider);
        var exercice = await Expected.LatestExerciceAsync(paged.Warehouse, "INF-BUD-53");
        var url = $"/odata/PilotageGestionVueDetaillee?exercice={exercice.Invariant()}";
        var expected = await Expected.DetailedExecutionAsync(paged.Warehouse, exercice, null, null);
        Assert.True(expected.Count > 3 * SharedApps.PagedPageSize);

        var (rows, _) = await FollowAsync(paged, url, statementsPerPage: 1);

        Rows.AssertSameSet(expected, rows, Expected.Keys["INF-BUD-53"], "every row exactly once");
        Rows.AssertSameSequence((await unpaged.Client.GetOkAsync(url)).ODataRows(), rows, "pages in the order of the unpaged response");
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Report_pages_with_count_run_one_more_statement_and_repeat_the_total(WarehouseProvider provider)
    {
        var paged = await SharedApps.GetAsync(warehouses, provider, SharedApps.Paged);
        var expected = await Expected.RowsAsync(paged.Warehouse, "INF-DEP-02", 2023);

        var (rows, counts) = await FollowAsync(paged, "/odata/DemandesPaiementParStatut?exercice=2023&$count=true", statementsPerPage: 2);

        Rows.AssertSameSet(expected, rows, Expected.Keys["INF-DEP-02"], "every row exactly once");
        Assert.All(counts, c => Assert.Equal(expected.Count, c));
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Report_pages_with_a_client_order_filter_and_select_are_stable(WarehouseProvider provider)
    {
        var paged = await SharedApps.GetAsync(warehouses, provider, SharedApps.Paged);
        var unpaged = await SharedApps.GetAsync(warehouses, provider);
        var url = "/odata/PilotageGestionVueDetaillee" + Http.Query(
            ("exercice", "2024"), ("$filter", "Paye gt 0"), ("$select", "NumeroEj,PosteEj,Paye"), ("$orderby", "Paye desc"));
        var expectedCount = (await Expected.DetailedExecutionAsync(paged.Warehouse, 2024, null, null)).Count(r => r.Number("Paye") > 0);

        var (rows, _) = await FollowAsync(paged, url, statementsPerPage: 1);

        Assert.Equal(expectedCount, rows.Count);
        Rows.AssertSameSequence((await unpaged.Client.GetOkAsync(url)).ODataRows(), rows, "same order as unpaged");
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Source_pages_give_every_row_once_with_one_statement_per_page(WarehouseProvider provider)
    {
        var paged = await SharedApps.GetAsync(warehouses, provider, SharedApps.Paged);
        var unpaged = await SharedApps.GetAsync(warehouses, provider);
        var ids = (await PlainSql.QueryAsync(paged.Warehouse, "SELECT id FROM fact_demande_paiement WHERE exercice = 2023"))
            .Select(r => Expected.Make(("Id", r.Long("id")))).ToList();
        var url = "/odata/DemandesPaiement" + Http.Query(("$filter", "Exercice eq 2023"), ("$select", "Id,Montant"), ("$orderby", "Montant desc"));

        var (rows, _) = await FollowAsync(paged, url, statementsPerPage: 1);

        Rows.AssertSameSet(ids, rows.Project("Id"), ["Id"], "every DP line of 2023 exactly once");
        Rows.AssertSameSequence((await unpaged.Client.GetOkAsync(url)).ODataRows(), rows, "same order as unpaged");
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Client_top_larger_than_the_page_is_honoured_across_pages(WarehouseProvider provider)
    {
        var paged = await SharedApps.GetAsync(warehouses, provider, SharedApps.Paged);
        var unpaged = await SharedApps.GetAsync(warehouses, provider);
        const string Url = "/odata/PilotageGestionVueDetaillee?exercice=2024&$top=5";

        var (rows, _) = await FollowAsync(paged, Url, statementsPerPage: 1);

        Rows.AssertSameSequence((await unpaged.Client.GetOkAsync(Url)).ODataRows(), rows, "$top=5 over pages of 2");
        Assert.Equal(5, rows.Count);
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Apply_results_page_like_any_other_set(WarehouseProvider provider)
    {
        var paged = await SharedApps.GetAsync(warehouses, provider, SharedApps.Paged);
        var expected = (await PlainSql.QueryAsync(paged.Warehouse, "SELECT societe_code, periode, montant FROM fact_demande_paiement"))
            .GroupBy(r => (S: r.Text("societe_code")!, P: r.Long("periode")!.Value))
            .Select(g => Expected.Make(("SocieteCode", g.Key.S), ("Periode", g.Key.P), ("Total", g.Sum(r => r.Amount("montant")))))
            .ToList();
        var url = "/odata/DemandesPaiement" + Http.Query(("$apply", "groupby((SocieteCode,Periode),aggregate(Montant with sum as Total))"));

        var (rows, _) = await FollowAsync(paged, url, statementsPerPage: 1);

        Rows.AssertSameSet(expected, rows, ["SocieteCode", "Periode"], "every group exactly once");
    }
}
