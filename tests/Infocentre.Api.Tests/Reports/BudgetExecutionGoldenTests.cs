using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Reports;

/// <summary>
/// INF-BUD-53 (and the reports built the same way) against the gestionnaires' own arithmetic, computed from
/// fact_engagement, fact_service_fait and fact_demande_paiement, never from the reporting views:
/// AE = engagé − bascule; CP = certifié non soldé + pré-enregistré + facturé + payé, per EJ line.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class BudgetExecutionGoldenTests(TinyWarehouses warehouses)
{
    private static readonly string[] Inf53Keys = Expected.Keys["INF-BUD-53"];

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Inf53_AE_and_CP_per_EJ_line_equal_the_fact_tables_arithmetic(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        // The data set exercises every term of the formulas, or the comparison would prove little.
        var both = (await Expected.ExecutionLinesAsync(app.Warehouse, 2023)).Concat(await Expected.ExecutionLinesAsync(app.Warehouse, 2024)).ToList();
        Assert.Contains(both, l => l.Bascule != 0);
        Assert.Contains(both, l => l.CertifieNonSolde != 0);
        Assert.Contains(both, l => l.Facture != 0);
        Assert.Contains(both, l => l.Paye != 0);
        foreach (var exercice in new[] { 2023, 2024 })
        {
            var expected = await Expected.DetailedExecutionAsync(app.Warehouse, exercice, null, null);

            var response = await app.Client.GetOkAsync($"/odata/PilotageGestionVueDetaillee?exercice={exercice.Invariant()}");
            var rows = response.ODataRows();

            Rows.AssertSameSet(expected, rows, Inf53Keys, $"INF-BUD-53 {exercice} on {provider}");
            foreach (var row in rows)
            {
                Assert.Equal(row.Number("MontantEngage") - row.Number("BasculeEjNonSoldes"), row.Number("Ae"));
                Assert.Equal(row.Number("CertifieNonSolde") + row.Number("PreEnregistre") + row.Number("Facture") + row.Number("Paye"), row.Number("Cp"));
            }
        }
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Inf53_certifie_non_solde_counts_only_service_fait_not_settled(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var latest = await Expected.LatestExerciceAsync(app.Warehouse, "INF-BUD-53");
        var expected = (await PlainSql.QueryAsync(app.Warehouse,
                "SELECT montant, est_solde FROM fact_service_fait WHERE exercice = @exercice", ("exercice", latest)))
            .Where(r => !r.Bool("est_solde")).Sum(r => r.Amount("montant"));
        var settled = (await PlainSql.QueryAsync(app.Warehouse,
                "SELECT montant, est_solde FROM fact_service_fait WHERE exercice = @exercice", ("exercice", latest)))
            .Where(r => r.Bool("est_solde")).Sum(r => r.Amount("montant"));
        Assert.NotEqual(0m, settled);

        var rows = (await app.Client.GetOkAsync("/odata/PilotageGestionVueDetaillee")).ODataRows();

        Assert.Equal(expected, rows.Sum(r => r.Number("CertifieNonSolde")));
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Inf53_programme_and_centre_financier_parameters_narrow_the_rows(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var latest = await Expected.LatestExerciceAsync(app.Warehouse, "INF-BUD-53");
        var lines = await Expected.ExecutionLinesAsync(app.Warehouse, latest);
        var programme = lines.GroupBy(l => l.Programme).OrderByDescending(g => g.Count()).First().Key;
        var centre = lines.Where(l => l.Programme == programme).Select(l => l.CentreFinancier).Distinct().Order(StringComparer.Ordinal).First();

        var byProgramme = await app.Client.GetOkAsync("/odata/PilotageGestionVueDetaillee" + Http.Query(("programme", programme)));
        var byCentre = await app.Client.GetOkAsync("/odata/PilotageGestionVueDetaillee" + Http.Query(("exercice", latest.Invariant()), ("centreFinancier", centre)));
        var byBoth = await app.Client.GetOkAsync("/odata/PilotageGestionVueDetaillee" + Http.Query(("programme", programme), ("centreFinancier", centre)));

        Rows.AssertSameSet(await Expected.DetailedExecutionAsync(app.Warehouse, latest, programme, null), byProgramme.ODataRows(), Inf53Keys, "programme");
        Rows.AssertSameSet(await Expected.DetailedExecutionAsync(app.Warehouse, latest, null, centre), byCentre.ODataRows(), Inf53Keys, "centreFinancier");
        Rows.AssertSameSet(await Expected.DetailedExecutionAsync(app.Warehouse, latest, programme, centre), byBoth.ODataRows(), Inf53Keys, "both");
        Assert.All(byProgramme.ODataRows(), r => Assert.Equal(programme, r.Text("Programme")));
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Inf40_ministere_parameter_and_consistency_with_inf53(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var latest = await Expected.LatestExerciceAsync(app.Warehouse, "INF-BUD-40");
        var ministere = (await PlainSql.QueryAsync(app.Warehouse, "SELECT MIN(ministere_code) AS m FROM fact_engagement")).Single().Text("m")!;

        var response = await app.Client.GetOkAsync("/odata/ConsommationParProgramme" + Http.Query(("ministere", ministere)));
        Rows.AssertSameSet(await Expected.ConsumptionByProgrammeAsync(app.Warehouse, latest, ministere), response.ODataRows(), Expected.Keys["INF-BUD-40"], "ministere");

        // INF-BUD-40 is INF-BUD-53 summed by programme: the same AE and CP in total.
        var detail = (await app.Client.GetOkAsync("/odata/PilotageGestionVueDetaillee")).ODataRows();
        var summary = (await app.Client.GetOkAsync("/odata/ConsommationParProgramme")).ODataRows();
        Assert.Equal(detail.Sum(r => r.Number("Ae")), summary.Sum(r => r.Number("AeConsommees")));
        Assert.Equal(detail.Sum(r => r.Number("Cp")), summary.Sum(r => r.Number("CpConsommes")));
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Inf90_without_dimensions_returns_one_row_of_totals(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        foreach (var exercice in new[] { 2023, 2024 })
        {
            var expected = await Expected.ExecutionSummaryAsync(app.Warehouse, exercice);

            var odata = await app.Client.GetOkAsync($"/odata/SyntheseExecutionBudgetaire?exercice={exercice.Invariant()}");
            var rest = await app.Client.GetOkAsync($"/api/reports/INF-BUD-90/rows?exercice={exercice.Invariant()}");

            var row = Assert.Single(odata.ODataRows());
            Rows.AssertSameSet(expected, [row], ["Ligne"], $"INF-BUD-90 {exercice} on {provider}");
            Rows.AssertSameSequence([row], Rows.From(rest.Json.GetProperty("rows")), "REST = OData");
        }
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Inf90_for_an_exercice_without_data_returns_one_row_of_zeros(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        Assert.Empty(await Expected.ExecutionLinesAsync(app.Warehouse, 1999));

        var response = await app.Client.GetOkAsync("/odata/SyntheseExecutionBudgetaire?exercice=1999");

        var row = Assert.Single(response.ODataRows());
        Assert.Equal(1m, row.Number("Ligne"));
        foreach (var column in new[] { "MontantEngage", "Bascule", "Paye", "CertifieNonSolde", "NombreEj", "AeConsommees" })
        {
            Assert.True(row[column] is 0m, $"{column} = {Rows.Format(row[column])} on {provider}, expected 0");
        }
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Inf53_for_an_exercice_without_data_returns_no_rows(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);

        var response = await app.Client.GetOkAsync("/odata/PilotageGestionVueDetaillee?exercice=1999&$count=true");

        Assert.Empty(response.ODataRows());
        Assert.Equal(0, response.ODataCount());
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Balance_generale_up_to_a_period_equals_plain_sql(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var latest = await Expected.LatestExerciceAsync(app.Warehouse, "INF-CGE-01");
        var expected = await Expected.TrialBalanceAsync(app.Warehouse, latest, periode: 6);

        var response = await app.Client.GetOkAsync("/odata/BalanceGenerale?periode=6");

        Rows.AssertSameSet(expected, response.ODataRows(), Expected.Keys["INF-CGE-01"], $"INF-CGE-01 periode 6 on {provider}");
        // A balance balances: Σ débit = Σ crédit.
        Assert.Equal(response.ODataRows().Sum(r => r.Number("TotalDebit")), response.ODataRows().Sum(r => r.Number("TotalCredit")));
    }
}
