using System.Net;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Reports;

/// <summary>
/// OData query options on the flat sources and on the reports: the rows served equal what plain SQL (and LINQ
/// to Objects over its result) gives for the same question.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class ODataQueryTests(TinyWarehouses warehouses)
{
    private static async Task<List<SqlRow>> PaymentsAsync(WarehouseOptions w) =>
        await PlainSql.QueryAsync(w, "SELECT id, exercice, societe_code, periode, dp_numero, statut, montant FROM fact_demande_paiement");

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Source_filter_select_orderby_top_skip_and_count_equal_plain_sql(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var latest = await Expected.LatestExerciceAsync(app.Warehouse, "INF-DEP-02");
        var matching = (await PaymentsAsync(app.Warehouse))
            .Where(r => r.Long("exercice") == latest && r.Text("statut") == "PAY" && r.Amount("montant") > 1000m)
            .OrderByDescending(r => r.Amount("montant")).ThenBy(r => r.Long("id"))
            .ToList();
        Assert.True(matching.Count > 8, "the tiny data set has enough paid DP lines for the test");
        var expected = matching.Skip(2).Take(5)
            .Select(r => Expected.Make(("Id", r.Long("id")), ("DpNumero", r.Text("dp_numero")), ("Montant", r.Amount("montant")), ("SocieteCode", r.Text("societe_code"))))
            .ToList();

        var response = await app.Client.GetOkAsync("/odata/DemandesPaiement" + Http.Query(
            ("$filter", $"Exercice eq {latest.Invariant()} and Statut eq 'PAY' and Montant gt 1000"),
            ("$select", "Id,DpNumero,Montant,SocieteCode"),
            ("$orderby", "Montant desc,Id"),
            ("$top", "5"), ("$skip", "2"), ("$count", "true")));

        Rows.AssertSameSequence(expected, response.ODataRows(), $"DemandesPaiement on {provider}");
        Assert.Equal(matching.Count, response.ODataCount());
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Source_filter_with_string_functions_and_date_comparison_equals_plain_sql(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var rows = await PlainSql.QueryAsync(app.Warehouse, "SELECT id, compte_general_code, date_comptable, debit, credit FROM fact_ecriture_comptable");
        var expected = rows
            .Where(r => r.Text("compte_general_code")!.StartsWith('4') && string.CompareOrdinal(r.Date("date_comptable"), "2024-03-01") >= 0)
            .OrderBy(r => r.Long("id"))
            .Select(r => Expected.Make(("Id", r.Long("id")), ("CompteGeneralCode", r.Text("compte_general_code")), ("Debit", r.Amount("debit")), ("Credit", r.Amount("credit"))))
            .ToList();
        Assert.NotEmpty(expected);

        var response = await app.Client.GetOkAsync("/odata/EcrituresComptables" + Http.Query(
            ("$filter", "startswith(CompteGeneralCode,'4') and DateComptable ge 2024-03-01"),
            ("$select", "Id,CompteGeneralCode,Debit,Credit"),
            ("$orderby", "Id")));

        Rows.AssertSameSequence(expected, response.ODataRows(), $"EcrituresComptables on {provider}");
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Source_apply_groupby_with_every_aggregate_equals_plain_sql(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var expected = (await PaymentsAsync(app.Warehouse))
            .GroupBy(r => (Exercice: r.Long("exercice")!.Value, Statut: r.Text("statut")!))
            .Select(g => Expected.Make(
                ("Exercice", g.Key.Exercice), ("Statut", g.Key.Statut),
                ("Total", g.Sum(r => r.Amount("montant"))), ("Mini", g.Min(r => r.Amount("montant"))), ("Maxi", g.Max(r => r.Amount("montant"))),
                ("Moyenne", g.Average(r => r.Amount("montant"))),
                ("NombreDp", g.Select(r => r.Text("dp_numero")).Distinct(StringComparer.Ordinal).Count()),
                ("Lignes", g.Count())))
            .ToList();

        var response = await app.Client.GetOkAsync("/odata/DemandesPaiement" + Http.Query(("$apply",
            "groupby((Exercice,Statut),aggregate(Montant with sum as Total,Montant with min as Mini,Montant with max as Maxi,"
            + "Montant with average as Moyenne,DpNumero with countdistinct as NombreDp,$count as Lignes))")));

        Rows.AssertSameSet(expected, response.ODataRows(), ["Exercice", "Statut"], $"$apply groupby on {provider}");
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Source_apply_filter_compute_then_groupby_equals_plain_sql(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var latest = await Expected.LatestExerciceAsync(app.Warehouse, "INF-DEP-02");
        var expected = (await PaymentsAsync(app.Warehouse))
            .Where(r => r.Long("exercice") == latest)
            .GroupBy(r => r.Text("statut")!)
            .Select(g => Expected.Make(("Statut", g.Key), ("Total", g.Sum(r => r.Amount("montant") * 2))))
            .ToList();

        var response = await app.Client.GetOkAsync("/odata/DemandesPaiement" + Http.Query(("$apply",
            $"filter(Exercice eq {latest.Invariant()})/compute(Montant mul 2 as Double)/groupby((Statut),aggregate(Double with sum as Total))")));

        Rows.AssertSameSet(expected, response.ODataRows().Project("Statut", "Total"), ["Statut"], $"$apply compute on {provider}");
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Source_apply_aggregate_without_groupby_gives_the_balanced_ledger_totals(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var rows = await PlainSql.QueryAsync(app.Warehouse, "SELECT exercice, debit, credit FROM fact_ecriture_comptable WHERE exercice = 2024");
        var expected = Expected.Make(("TotalDebit", rows.Sum(r => r.Amount("debit"))), ("TotalCredit", rows.Sum(r => r.Amount("credit"))), ("Lignes", rows.Count));

        var response = await app.Client.GetOkAsync("/odata/EcrituresComptables" + Http.Query(("$apply",
            "filter(Exercice eq 2024)/aggregate(Debit with sum as TotalDebit,Credit with sum as TotalCredit,$count as Lignes)")));

        var row = Assert.Single(response.ODataRows());
        Rows.AssertSameSequence([expected], [row], $"aggregate on {provider}");
        Assert.Equal(row.Number("TotalDebit"), row.Number("TotalCredit"));
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Report_filter_select_orderby_top_skip_and_count_equal_plain_sql(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var exercice = await Expected.LatestExerciceAsync(app.Warehouse, "INF-BUD-53");
        var all = await Expected.DetailedExecutionAsync(app.Warehouse, exercice, null, null);
        var matching = all
            .Where(r => r.Number("Paye") > 1000m && r.Text("CentreFinancier")!.StartsWith("01", StringComparison.Ordinal))
            .OrderByDescending(r => r.Number("Paye")).ThenBy(r => r.Text("NumeroEj"), StringComparer.Ordinal).ThenBy(r => r.Number("PosteEj"))
            .ToList();
        Assert.True(matching.Count >= 4, "enough matching rows for a meaningful page");
        var expected = matching.Skip(1).Take(3).Project("NumeroEj", "PosteEj", "Paye", "Cp");

        var response = await app.Client.GetOkAsync("/odata/PilotageGestionVueDetaillee" + Http.Query(
            ("exercice", exercice.Invariant()),
            ("$filter", "Paye gt 1000 and startswith(CentreFinancier,'01')"),
            ("$select", "NumeroEj,PosteEj,Paye,Cp"),
            ("$orderby", "Paye desc,NumeroEj,PosteEj"),
            ("$top", "3"), ("$skip", "1"), ("$count", "true")));

        Rows.AssertSameSequence(expected, response.ODataRows(), $"INF-BUD-53 query on {provider}");
        Assert.Equal(matching.Count, response.ODataCount());
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Report_rows_follow_the_default_order_of_the_definition(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);

        var rows = (await app.Client.GetOkAsync("/odata/DemandesPaiementParStatut")).ODataRows();

        // orderBy: [Societe, PeriodeComptable, Statut]; société codes and statuts are upper-case letters.
        var expected = rows.OrderBy(r => r.Text("Societe"), StringComparer.Ordinal).ThenBy(r => r.Number("PeriodeComptable"))
            .ThenBy(r => r.Text("Statut"), StringComparer.Ordinal).ToList();
        Rows.AssertSameSequence(expected, rows, "default order");
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Report_apply_groupby_over_report_rows_equals_plain_sql(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var exercice = await Expected.LatestExerciceAsync(app.Warehouse, "INF-BUD-53");
        var expected = (await Expected.DetailedExecutionAsync(app.Warehouse, exercice, null, null))
            .GroupBy(r => r.Text("Programme")!)
            .Select(g => Expected.Make(
                ("Programme", g.Key), ("TotalAe", g.Sum(r => r.Number("Ae"))), ("TotalCp", g.Sum(r => r.Number("Cp"))),
                ("PlusGrosPaiement", g.Max(r => r.Number("Paye"))), ("PlusPetitEngagement", g.Min(r => r.Number("MontantEngage"))),
                ("PayeMoyen", g.Average(r => r.Number("Paye"))),
                ("NombreEj", g.Select(r => r.Text("NumeroEj")).Distinct(StringComparer.Ordinal).Count()), ("Lignes", g.Count())))
            .ToList();

        var response = await app.Client.GetOkAsync("/odata/PilotageGestionVueDetaillee" + Http.Query(
            ("exercice", exercice.Invariant()),
            ("$apply", "groupby((Programme),aggregate(Ae with sum as TotalAe,Cp with sum as TotalCp,Paye with max as PlusGrosPaiement,"
                + "MontantEngage with min as PlusPetitEngagement,Paye with average as PayeMoyen,NumeroEj with countdistinct as NombreEj,$count as Lignes))")));

        Rows.AssertSameSet(expected, response.ODataRows(), ["Programme"], $"$apply on INF-BUD-53 on {provider}");
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Report_apply_filter_then_aggregate_equals_plain_sql(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var exercice = await Expected.LatestExerciceAsync(app.Warehouse, "INF-BUD-40");
        var rows = await Expected.ConsumptionByProgrammeAsync(app.Warehouse, exercice, null);
        var ministere = rows.Select(r => r.Text("Ministere")!).Order(StringComparer.Ordinal).First();
        var expected = Expected.Make(("Total", rows.Where(r => r.Text("Ministere") == ministere).Sum(r => r.Number("CpConsommes"))));

        var response = await app.Client.GetOkAsync("/odata/ConsommationParProgramme" + Http.Query(
            ("$apply", $"filter(Ministere eq '{ministere}')/aggregate(CpConsommes with sum as Total)")));

        Rows.AssertSameSequence([expected], response.ODataRows(), $"$apply filter/aggregate on {provider}");
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Count_with_top_zero_gives_the_count_and_no_rows(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var expected = (await Expected.RowsAsync(app.Warehouse, "INF-BUD-53", 2023)).Count;

        var response = await app.Client.GetOkAsync("/odata/PilotageGestionVueDetaillee?exercice=2023&$count=true&$top=0");

        Assert.Empty(response.ODataRows());
        Assert.Equal(expected, response.ODataCount());
    }

    [Fact]
    public async Task A_source_takes_no_parameters()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var response = await app.Client.FetchAsync("/odata/DemandesPaiement?exercice=2024");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("exercice", response.Json.GetProperty("error").GetProperty("details")[0].GetProperty("target").GetString());
    }
}
