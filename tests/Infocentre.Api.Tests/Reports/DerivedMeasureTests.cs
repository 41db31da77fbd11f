using System.Globalization;
using System.Net;
using Infocentre.Access;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Reports;

/// <summary>
/// Conditional aggregates, share of total and rank (test report INF-DEP-99) against values computed here from
/// plain SQL over fact_demande_paiement, on SQLite and PostgreSQL, over OData.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class DerivedMeasureTests(TinyWarehouses warehouses)
{
    private const string Set = "/odata/" + TestCatalogue.DerivedEntitySet;

    private sealed record DpLine(string Tiers, string Ministere, long Exercice, string Statut, string DpNumero, decimal Montant, long? Delai);

    private static async Task<List<DpLine>> LinesAsync(WarehouseOptions w) =>
        [.. (await PlainSql.QueryAsync(w, "SELECT tiers_code, ministere_code, exercice, statut, dp_numero, montant, delai_paiement_jours FROM fact_demande_paiement"))
            .Select(r => new DpLine(r.Text("tiers_code") ?? "#", r.Text("ministere_code")!, r.Long("exercice")!.Value, r.Text("statut")!,
                r.Text("dp_numero")!, r.Amount("montant"), r.Long("delai_paiement_jours")))];

    /// <summary>The report's rows computed from the DP lines: N and N-1, by tiers; share and rank over the rows.</summary>
    private static List<Row> Expected(IEnumerable<DpLine> all, long n)
    {
        var groups = all.Where(l => l.Exercice == n || l.Exercice == n - 1).GroupBy(l => l.Tiers).Select(g =>
        {
            decimal Paid(long year) => g.Where(l => l.Exercice == year && l.Statut == "PAY").Sum(l => l.Montant);
            return (Tiers: g.Key, N: Paid(n), N1: Paid(n - 1), Moins30: g.Where(l => l.Delai is <= 30).Sum(l => l.Montant),
                Dp: (decimal)g.Where(l => l.Statut == "PAY").Select(l => l.DpNumero).Distinct().Count());
        }).ToList();
        var total = groups.Sum(x => x.N);
        return [.. groups.Select(x => new Row
        {
            ["Fournisseur"] = x.Tiers,
            ["PayeN"] = x.N,
            ["PayeN1"] = x.N1,
            ["Evolution"] = x.N1 == 0 ? null : (x.N - x.N1) / x.N1,
            ["Moins30Jours"] = x.Moins30,
            ["NombreDpPayees"] = x.Dp,
            ["Part"] = total == 0 ? null : x.N / total,
            ["Rang"] = 1m + groups.Count(o => o.N > x.N),
            ["RangDp"] = 1m + groups.Count(o => o.Dp > x.Dp),
            ["PartPourCent"] = total == 0 ? null : x.N / total * 100,
        })];
    }

    private static async Task<long> LatestAsync(WarehouseOptions w) =>
        (await PlainSql.QueryAsync(w, "SELECT MAX(exercice) AS m FROM fact_demande_paiement")).Single().Long("m")!.Value;

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Every_derived_measure_equals_plain_sql_year_on_year(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider, SharedApps.Custom);
        var lines = await LinesAsync(app.Warehouse);
        var n = await LatestAsync(app.Warehouse);
        var expected = Expected(lines, n);
        // The data must exercise the measures: both years paid, a tie in the number of DP.
        Assert.Contains(expected, r => (decimal)r["PayeN"]! != 0m && (decimal)r["PayeN1"]! != 0m);
        Assert.True(expected.GroupBy(r => r["RangDp"]).Any(g => g.Count() > 1), "no tie in the data");

        var response = await app.Client.FetchAsync($"{Set}?exercice={n}");

        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        var rows = response.ODataRows();
        Rows.AssertSameSet(expected, rows, ["Fournisseur"]);
        Assert.Equal(1m, rows.Sum(r => r.Number("Part")!.Value), 6);
        // The default order is the rank; ties share it and the next rank skips (RANK, not DENSE_RANK).
        Assert.Equal(rows.Select(r => r.Number("Rang")).Order(), rows.Select(r => r.Number("Rang")));
        Assert.Equal(1m, rows[0].Number("Rang"));
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task A_client_filter_and_order_on_share_and_rank_apply_after_them(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider, SharedApps.Custom);
        var n = await LatestAsync(app.Warehouse);
        var expected = Expected(await LinesAsync(app.Warehouse), n);
        var top = expected.Where(r => (decimal)r["Rang"]! <= 3m).OrderByDescending(r => (decimal?)r["Part"]).ToList();

        var response = await app.Client.FetchAsync($"{Set}?exercice={n}&$filter=Rang le 3&$orderby=Part desc");

        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        var rows = response.ODataRows();
        // Ranks and shares are those of the whole report, not of the three rows kept.
        Rows.AssertSameSet(top, rows, ["Fournisseur"]);
        Assert.Equal(top.Select(r => (string)r["Fournisseur"]!), rows.Select(r => r.Text("Fournisseur")));

        var shares = await app.Client.FetchAsync($"{Set}?exercice={n}&$filter=Part gt 0.1&$select=Fournisseur,Part");
        Assert.True(shares.Status == HttpStatusCode.OK, shares.ToString());
        Assert.Equal(
            expected.Where(r => (decimal?)r["Part"] > 0.1m).Select(r => (string)r["Fournisseur"]!).Order(StringComparer.Ordinal),
            shares.ODataRows().Select(r => r.Text("Fournisseur")!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task A_single_ministry_caller_gets_shares_and_ranks_within_its_perimeter(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider, SharedApps.Custom);
        var lines = await LinesAsync(app.Warehouse);
        var n = await LatestAsync(app.Warehouse);
        var ministere = lines.Where(l => l.Exercice == n && l.Statut == "PAY").GroupBy(l => l.Ministere)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var expected = Expected(lines.Where(l => l.Ministere == ministere), n);
        Assert.NotEqual(Expected(lines, n).Count, expected.Count);
        using var client = app.App.ClientWith(app.App.Token(roles: [Roles.Reader], ministeres: [ministere], interministeriel: false, subject: "derived-" + ministere));

        var response = await client.FetchAsync($"{Set}?exercice={n}");

        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        var rows = response.ODataRows();
        Rows.AssertSameSet(expected, rows, ["Fournisseur"]);
        Assert.Equal(1m, rows.Sum(r => r.Number("Part")!.Value), 6);
    }

    /// <summary>docs/reports.md once warned that "(@p eq null or Column le @p)" failed when p was absent.</summary>
    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task An_absent_optional_parameter_compared_with_le_drops_the_condition(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var exercice = (await PlainSql.QueryAsync(app.Warehouse, "SELECT MAX(exercice) AS m FROM fact_ecriture_comptable")).Single().Long("m")!.Value;
        var debits = (await PlainSql.QueryAsync(app.Warehouse, "SELECT debit FROM fact_ecriture_comptable WHERE exercice = @exercice", ("exercice", exercice)))
            .Sum(r => r.Amount("debit"));

        var response = await app.Client.FetchAsync(
            $"/odata/BalanceGenerale?exercice={exercice.ToString(CultureInfo.InvariantCulture)}&$apply=aggregate(TotalDebit with sum as Total)");

        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        Assert.Equal(debits, response.ODataRows().Single().Number("Total"));
    }
}
