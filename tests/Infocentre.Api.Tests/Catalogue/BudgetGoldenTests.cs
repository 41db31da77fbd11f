using System.Globalization;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Catalogue;

/// <summary>
/// Budget reports (reports/budget) over REST equal rows computed here with plain SQL over the fact and dimension
/// tables (never the reporting views) and LINQ, on both engines, with default parameters and with one other value.
/// Derived measures (disponible, rates, ageing buckets, lead times, totals) are recomputed from their definitions.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed partial class BudgetGoldenTests(TinyWarehouses warehouses)
{
    private const string Na = Expected.NotAssigned;

    public static TheoryData<WarehouseProvider> Engines() => new(WarehouseProvider.Sqlite, WarehouseProvider.PostgreSql);

    private static decimal? Ratio(decimal a, decimal b) => b == 0 ? null : a / b;

    private static DateOnly? Date(SqlRow r, string column) => r[column] switch
    {
        null => null,
        DateOnly d => d,
        DateTime d => DateOnly.FromDateTime(d),
        string s => DateOnly.Parse(s[..10], CultureInfo.InvariantCulture),
        var v => throw new ArgumentException($"{column}: unexpected {v.GetType()}", nameof(column)),
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<List<Row>> ActualAsync(RunningApp app, string code, string query = "")
    {
        var response = await app.Client.GetOkAsync($"/api/reports/{code}/rows?top=100000{query}");
        return Rows.From(response.Json.GetProperty("rows"));
    }

    private static async Task<int> LatestAsync(WarehouseOptions w, string table) =>
        (int)(await PlainSql.QueryAsync(w, $"SELECT MAX(exercice) AS m FROM {table}"))[0].Long("m")!.Value;

    private static async Task AssertReportAsync(RunningApp app, string code, string query, List<Row> expected, params string[] keys)
    {
        Assert.NotEmpty(expected);
        Rows.AssertSameSet(expected, await ActualAsync(app, code, query), keys, $"{code}{query} on {app.Warehouse.Provider}");
    }

    // INF-BUD-55: DP by interface flow (real Chorus code).
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Dp_by_flow_type_equals_plain_sql(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var w = app.Warehouse;
        var latest = await LatestAsync(w, "fact_demande_paiement");
        async Task<List<Row>> Expect(int exercice, string? flux) =>
            (await PlainSql.QueryAsync(w, "SELECT societe_code, type_flux, dp_numero, statut, montant FROM fact_demande_paiement WHERE exercice = @e", ("e", exercice)))
                .Where(r => flux is null || r.Text("type_flux") == flux)
                .GroupBy(r => (Societe: r.Text("societe_code")!, Flux: r.Text("type_flux") ?? Na))
                .Select(g => Expected.Make(("Societe", g.Key.Societe), ("TypeFlux", g.Key.Flux),
                    ("NombreDp", g.Select(r => r.Text("dp_numero")).Distinct(StringComparer.Ordinal).Count()),
                    ("Montant", g.Sum(r => r.Amount("montant"))),
                    ("MontantPaye", g.Where(r => r.Text("statut") == "PAY").Sum(r => r.Amount("montant")))))
                .ToList();

        await AssertReportAsync(app, "INF-BUD-55", "", await Expect(latest, null), "Societe", "TypeFlux");
        await AssertReportAsync(app, "INF-BUD-55", $"&exercice={latest - 1}&typeFlux=FLUX2", await Expect(latest - 1, "FLUX2"), "Societe", "TypeFlux");
    }

    // INF-BUD-57: purchase requests (real Chorus code), with the processing lead time in days.
    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Purchase_requests_equal_plain_sql_with_lead_time_to_replication_or_year_end(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var w = app.Warehouse;
        var latest = await LatestAsync(w, "fact_demande_achat");
        async Task<List<Row>> Expect(int exercice, string? statut) =>
            (await PlainSql.QueryAsync(w, """
                SELECT da_numero, date_creation, centre_financier_code, centre_couts_code, date_replication, statut, ej_numero,
                       montant, montant_postes_traites
                FROM fact_demande_achat WHERE exercice = @e
                """, ("e", exercice)))
                .Where(r => statut is null || r.Text("statut") == statut)
                .Select(r =>
                {
                    var created = Date(r, "date_creation")!.Value;
                    var replicated = Date(r, "date_replication");
                    var end = replicated ?? new DateOnly(exercice, 12, 31);
                    return Expected.Make(("NumeroDa", r.Text("da_numero")), ("DateCreation", Iso(created)),
                        ("CentreFinancier", r.Text("centre_financier_code")), ("CentreCouts", r.Text("centre_couts_code")),
                        ("DateReplication", replicated is { } on ? Iso(on) : null),
                        ("Statut", r.Text("statut")), ("NumeroEj", r.Text("ej_numero") ?? Na),
                        ("Montant", r.Amount("montant")), ("MontantPostesTraites", r.Amount("montant_postes_traites")),
                        ("DelaiTraitement", end.DayNumber - created.DayNumber));
                })
                .ToList();

        await AssertReportAsync(app, "INF-BUD-57", "", await Expect(latest, null), "NumeroDa");
        await AssertReportAsync(app, "INF-BUD-57", $"&exercice={latest - 1}&statut=Trait%C3%A9e", await Expect(latest - 1, "Traitée"), "NumeroDa");
    }
}

/// <summary>Shares of the report total, as the definitions' share measures document them.</summary>
internal static class ShareExtensions
{
    /// <summary>Adds <paramref name="name"/> = row value of <paramref name="of"/> / total over the rows (null when the total is 0).</summary>
    public static List<Row> WithShare(this List<Row> rows, string name, string of)
    {
        var total = rows.Sum(r => r.Number(of) ?? 0m);
        foreach (var row in rows)
        {
            row[name] = total == 0 ? null : (row.Number(of) ?? 0m) / total;
        }

        return rows;
    }
}
