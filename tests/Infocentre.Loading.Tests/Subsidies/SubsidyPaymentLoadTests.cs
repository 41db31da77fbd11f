using Infocentre.Loading.Common;

namespace Infocentre.Loading.Tests.Subsidies;

public sealed class SubsidyPaymentLoadTests(TinyTemplate tiny) : IClassFixture<TinyTemplate>
{
    private const string NewKeys = "exercice = 2024 AND societe_code = 'IDF1' AND dp_numero = '900000101'";

    private async Task<string> SampleAsync(string name, params (string Sheet, object?[][] Rows)[] sheets) =>
        await XlsxSample.WriteAsync(Path.Combine(tiny.Folder, Guid.NewGuid().ToString("N")), name, sheets);

    [Fact]
    public async Task Good_extraction_adds_its_new_lines_completed_from_their_EJ_line()
    {
        var warehouse = tiny.NewSqlite();
        var before = await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement");
        var good = await SampleAsync("extraction.xlsx", (SubsidySamples.Sheet, SubsidySamples.Good[..3]));

        var result = await warehouse.LoadFileAsync(good);

        Assert.Equal(LoadRunStatus.Succeeded, result.Status);
        Assert.Equal((2L, 2L, 0L, 0L), (result.RowsRead, result.RowsLoaded, result.RowsRejected, result.RowsReplaced));
        Assert.Equal(before + 2, await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement"));
        // 15 000,00 + 2 500,75, from the sample.
        Assert.Equal(new ControlTotal(2024, 2, 17_500.75m), Assert.Single(result.ControlTotals));
        Assert.Equal(1_750_075, await warehouse.CountAsync($"SELECT {warehouse.Cents("montant")} FROM fact_demande_paiement WHERE {NewKeys}"));
        var lines = await warehouse.RowsAsync(
            "SELECT dp_poste, statut, ministere_code, programme_code, periode, type_ej_code, centre_couts_code, compte_budgetaire_code, compte_general_code, "
            + "localisation_code, type_piece, nature_dp_code, service_executant, date_base, date_paiement, date_derniere_operation, delai_paiement_jours, tiers_code "
            + $"FROM fact_demande_paiement WHERE {NewKeys} ORDER BY dp_poste");
        Assert.Equal(
            [
                ["1", "PAY", "MIN18", "0163", "3", "ZSUB", "SJVSDAT075", "64", "6574000000", "N1175", "RE", "9.9", "#", "2024-03-15", "2024-03-15", "2024-03-15", "NULL", "1000000115"],
                ["2", "PAY", "MIN18", "0163", "6", "ZSUB", "SJVSDAT075", "64", "6574000000", "N1175", "RE", "9.9", "#", "2024-06-20", "2024-06-20", "2024-06-20", "NULL", "1000000115"],
            ],
            lines);
        var domains = await warehouse.RowsAsync($"SELECT domain FROM load_record WHERE kind = 'data-subvention-xlsx' ORDER BY domain");
        Assert.Equal(["depenses", "subventions"], domains.Select(d => d[0]));
    }

    [Fact]
    public async Task Loading_the_same_extraction_twice_adds_nothing_and_changes_nothing()
    {
        var warehouse = tiny.NewSqlite();
        var good = await SampleAsync("extraction.xlsx", (SubsidySamples.Sheet, SubsidySamples.Good[..3]));
        await warehouse.LoadFileAsync(good);
        var facts = await warehouse.RowsAsync("SELECT * FROM fact_demande_paiement ORDER BY id");

        var again = await warehouse.LoadFileAsync(good);

        Assert.Equal((2L, 2L), (again.RowsLoaded, again.RowsReplaced));
        Assert.Equal(facts, await warehouse.RowsAsync("SELECT * FROM fact_demande_paiement ORDER BY id"));
    }

    [Fact]
    public async Task A_payment_already_loaded_from_INF_BUD_53_is_the_same_line_and_keeps_what_the_extraction_lacks()
    {
        var warehouse = tiny.NewSqlite();
        await warehouse.LoadAsync("inf-bud-53-good.csv");
        var count = await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement");
        var key = "exercice = 2024 AND societe_code = 'ADCE' AND dp_numero = '900000001' AND dp_poste = 2";
        var id = await warehouse.ScalarAsync($"SELECT id FROM fact_demande_paiement WHERE {key}");
        var good = await SampleAsync("extraction.xlsx", (SubsidySamples.Sheet, SubsidySamples.Good));

        var result = await warehouse.LoadFileAsync(good);

        Assert.Equal((3L, 1L), (result.RowsLoaded, result.RowsReplaced));
        Assert.Equal(count + 2, await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement"));
        var line = Assert.Single(await warehouse.RowsAsync(
            "SELECT id, statut, ej_numero, ej_poste, type_ej_code, type_piece, service_executant, date_base, date_paiement, delai_paiement_jours, periode "
            + $"FROM fact_demande_paiement WHERE {key}"));
        // Was FAC with date de base 05.03.2024 and no EJ; paid on 15.05.2024: 26 + 30 + 15 = 71 days.
        Assert.Equal([Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture)!, "PAY", "1300000001", "1", "ZSUB", "KR", "SFACTADCE", "2024-03-05", "2024-05-15", "71", "5"], line);
    }

    [Fact]
    public async Task Bad_rows_are_rejected_with_their_sheet_row_column_value_and_rule()
    {
        var warehouse = tiny.NewSqlite();
        var bad = await SampleAsync("extraction-bad.xlsx", (SubsidySamples.Sheet, SubsidySamples.Bad));

        var result = await warehouse.LoadFileAsync(bad, new LoadOptions { MaxRejectionRate = 1 });

        Assert.Equal((12L, 1L, 11L), (result.RowsRead, result.RowsLoaded, result.RowsRejected));
        var errors = result.Findings.Where(f => f.Rule.Severity == Severity.Error)
            .Select(f => (f.Line, f.Column, f.Value, f.Rule.Code)).OrderBy(f => f.Line).ToList();
        Assert.Equal(
            [
                (3L, "Code taxe 1", "70740740900151", "DQ-003"),
                (4L, "N° EJ", "130000001", "DQ-003"),
                (5L, "N° DP", "90000010", "DQ-003"),
                (6L, "Montant payé", "12,345", "DQ-002"),
                (7L, "Société", "ZZZZ", "DQ-004"),
                (8L, "Date de dernière opération sur la DP", "31.02.2024", "DQ-002"),
                (9L, "Branche", "Z004", "DQ-006"),
                (10L, "Centre financier", "0176-DR53-D035", "DQ-006"),
                (11L, "N° EJ", "1399999999/1", "DQ-004"),
                (12L, "exercice+societe_code+dp_numero+dp_poste", "2024/IDF1/900000101/1", "DQ-005"),
                (13L, "Montant payé", "12.50", "DQ-002"),
            ],
            errors);
        Assert.Equal(1, await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement WHERE dp_numero LIKE '9000001%'"));
        Assert.Equal(11, await warehouse.CountAsync($"SELECT COUNT(*) FROM load_finding WHERE load_run_id = {result.LoadId} AND severity = 'error'"));
    }

    [Fact]
    public async Task Too_many_rejections_refuse_the_whole_extraction()
    {
        var warehouse = tiny.NewSqlite();
        var before = await warehouse.SnapshotAsync();
        var bad = await SampleAsync("extraction-bad.xlsx", (SubsidySamples.Sheet, SubsidySamples.Bad));

        var e = await Assert.ThrowsAsync<LoadFailedException>(() => warehouse.LoadFileAsync(bad));

        Assert.Equal(LoadRunStatus.Refused, e.Result.Status);
        Assert.Contains("11 of 12 lines rejected", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await warehouse.SnapshotAsync());
    }

    [Fact]
    public async Task Missing_SIRET_on_an_association_and_a_date_outside_the_exercice_are_warnings()
    {
        var warehouse = tiny.NewSqlite();
        var sample = await SampleAsync("extraction-warnings.xlsx", (SubsidySamples.Sheet, SubsidySamples.Warnings));

        var result = await warehouse.LoadFileAsync(sample);

        Assert.Equal(1, result.RowsLoaded);
        var warnings = result.Findings.Where(f => f.Line == 2).Select(f => (f.Rule.Code, f.Column, f.Value)).OrderBy(f => f.Code).ToList();
        Assert.Equal([("DQ-010", "Date de dernière opération sur la DP", "05.01.2025"), ("DQ-012", "Code taxe 1", "#")], warnings);
    }

    [Fact]
    public async Task A_workbook_without_the_extraction_sheet_fails_naming_its_sheets()
    {
        var warehouse = tiny.NewSqlite();
        var sample = await SampleAsync("other.xlsx", ("Feuil1", SubsidySamples.Good));

        var e = await Assert.ThrowsAsync<LoadFailedException>(() => warehouse.LoadFileAsync(sample));

        Assert.Equal(LoadRunStatus.Failed, e.Result.Status);
        Assert.Contains("no sheet '1. Extraction'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Feuil1'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_column_fails_naming_the_sheet_row_and_column()
    {
        var warehouse = tiny.NewSqlite();
        // Without the Domaine fonctionnel code + label columns (17 and 18).
        var rows = SubsidySamples.Good.Select(r => (object?[])[.. r.Take(17), r[19]]).ToArray();
        var sample = await SampleAsync("no-df.xlsx", (SubsidySamples.Sheet, rows));

        var e = await Assert.ThrowsAsync<LoadFailedException>(() => warehouse.LoadFileAsync(sample));

        Assert.Equal((1L, "Domaine fonctionnel"), (e.Line, e.Column));
        Assert.Contains("Sheet '1. Extraction', row 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_an_xlsx_workbook_fails_clearly()
    {
        var warehouse = tiny.NewSqlite();
        var folder = Path.Combine(tiny.Folder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "extraction.xlsx");
        await File.WriteAllTextAsync(path, "N° EJ;N° DP\n1300000012;900000101\n");

        var e = await Assert.ThrowsAsync<LoadFailedException>(() => warehouse.LoadFileAsync(path));

        Assert.Equal(LoadRunStatus.Failed, e.Result.Status);
        Assert.Contains("not a readable XLSX workbook", e.Message, StringComparison.Ordinal);
        Assert.Equal("data-subvention-xlsx", e.Result.Kind);
    }

    private static LoadOptions FundOptions(double maxRejectionRate = 0.05)
    {
        var options = new LoadOptions { MaxRejectionRate = maxRejectionRate };
        options.EuropeanFundMinisteres["FSE+"] = "MIN18";
        options.EuropeanFundMinisteres["FEDER"] = "MIN09";
        return options;
    }

    [Fact]
    public async Task The_FEHBE_sheet_loads_into_the_European_fund_payments_in_the_same_load()
    {
        var warehouse = tiny.NewSqlite();
        var funds = await warehouse.CountAsync("SELECT COUNT(*) FROM fact_versement_fonds_europeens");
        var payments = await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement");
        var sample = await SampleAsync("extraction-fehbe.xlsx",
            (SubsidySamples.Sheet, SubsidySamples.Good[..3]), (SubsidySamples.FundSheet, SubsidySamples.Funds));

        var result = await warehouse.LoadFileAsync(sample, FundOptions(maxRejectionRate: 0.2));

        Assert.Equal((6L, 5L, 1L), (result.RowsRead, result.RowsLoaded, result.RowsRejected));
        Assert.Equal(payments + 2, await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement"));
        Assert.Equal(funds + 3, await warehouse.CountAsync("SELECT COUNT(*) FROM fact_versement_fonds_europeens"));
        // 15 000,00 + 2 500,75 on sheet 1; 4 000,00 + 1 250,25 + 800,00 on sheet 2: 5 lines, 23 551,00.
        Assert.Equal(new ControlTotal(2024, 5, 23_551.00m), Assert.Single(result.ControlTotals));
        var rows = await warehouse.RowsAsync(
            "SELECT dp_numero, dp_poste, fonds, ministere_code, programme_code, centre_financier_code, centre_financier_libelle, domaine_fonctionnel_libelle, periode, CAST(ROUND(CAST(montant_paye AS REAL) * 100) AS INTEGER) "
            + "FROM fact_versement_fonds_europeens WHERE exercice = 2024 AND societe_code = 'IDF1' AND dp_numero LIKE '9000003%' ORDER BY dp_numero, dp_poste");
        Assert.Equal(
            [
                ["900000301", "1", "FSE+", "MIN18", "NULL", "FSE0-TG75-FE75", "TG Paris - fonds européens", "Prog nat.Etat FSE+2021-27", "9", "400000"],
                ["900000301", "2", "FSE+", "MIN18", "NULL", "FSE0-TG75-FE75", "TG Paris - fonds européens", "Prog nat.Etat FSE+2021-27", "9", "125025"],
                ["900000302", "1", "FEDER", "MIN09", "NULL", "FSE0-TG75-FE75", "TG Paris - fonds européens", "Prog reg. FEDER 2021-27", "9", "80000"],
            ],
            rows);
        var rejected = Assert.Single(result.Findings, f => f.Rule.Severity == Severity.Error);
        Assert.Equal((5L, "Domaine fonctionnel", "XYZ00-14", "DQ-004"), (rejected.Line, rejected.Column, rejected.Value, rejected.Rule.Code));

        var again = await warehouse.LoadFileAsync(sample, FundOptions(maxRejectionRate: 0.2));
        Assert.Equal((5L, 5L), (again.RowsLoaded, again.RowsReplaced));
        Assert.Equal(funds + 3, await warehouse.CountAsync("SELECT COUNT(*) FROM fact_versement_fonds_europeens"));
    }

    [Fact]
    public async Task A_FEHBE_payment_of_a_fund_without_a_configured_ministere_is_rejected_and_the_load_refused()
    {
        var warehouse = tiny.NewSqlite();
        var before = await warehouse.SnapshotAsync();
        var sample = await SampleAsync("extraction-fehbe.xlsx",
            (SubsidySamples.Sheet, SubsidySamples.Good[..3]), (SubsidySamples.FundSheet, SubsidySamples.Funds[..2]));

        var e = await Assert.ThrowsAsync<LoadFailedException>(() => warehouse.LoadFileAsync(sample));

        Assert.Equal(LoadRunStatus.Refused, e.Result.Status);
        var finding = Assert.Single(e.Result.Findings, f => f.Rule.Severity == Severity.Error);
        Assert.Equal((2L, "Domaine fonctionnel", "DQ-004"), (finding.Line, finding.Column, finding.Rule.Code));
        Assert.Contains("Loading:EuropeanFundMinisteres:FSE+", finding.Message, StringComparison.Ordinal);
        Assert.Equal(before, await warehouse.SnapshotAsync());
        Assert.Equal(0, await warehouse.CountAsync("SELECT COUNT(*) FROM fact_versement_fonds_europeens WHERE dp_numero LIKE '9000003%'"));
    }

    [Theory]
    [InlineData(LoadStep.Parse)]
    [InlineData(LoadStep.Stage)]
    [InlineData(LoadStep.Check)]
    [InlineData(LoadStep.Publish)]
    [InlineData(LoadStep.Reconcile)]
    public async Task A_fault_at_any_step_leaves_both_facts_unchanged_and_a_retry_converges(LoadStep failing)
    {
        var warehouse = tiny.NewSqlite();
        var sample = await SampleAsync("extraction-fehbe.xlsx",
            (SubsidySamples.Sheet, SubsidySamples.Good[..3]), (SubsidySamples.FundSheet, SubsidySamples.Funds[..4]));
        const string Funds = "SELECT * FROM fact_versement_fonds_europeens ORDER BY id";
        var before = await warehouse.SnapshotAsync();
        var fundsBefore = await warehouse.RowsAsync(Funds);
        var options = FundOptions();
        options.StepHook = step =>
        {
            if (step == failing)
            {
                throw new InvalidOperationException($"Injected fault at {step}.");
            }
        };

        await Assert.ThrowsAsync<InvalidOperationException>(() => warehouse.LoadFileAsync(sample, options));

        Assert.Equal(before, await warehouse.SnapshotAsync());
        Assert.Equal(fundsBefore, await warehouse.RowsAsync(Funds));
        options.StepHook = null;
        var retry = await warehouse.LoadFileAsync(sample, options);
        Assert.Equal((5L, 0L), (retry.RowsLoaded, retry.RowsReplaced));
        var reference = tiny.NewSqlite();
        await reference.LoadFileAsync(sample, FundOptions());
        Assert.Equal(await reference.RowsAsync(Funds), await warehouse.RowsAsync(Funds));
        Assert.Equal(
            await reference.RowsAsync("SELECT * FROM fact_demande_paiement ORDER BY id"),
            await warehouse.RowsAsync("SELECT * FROM fact_demande_paiement ORDER BY id"));
    }

    [Fact]
    public async Task Sheets_are_found_by_name_in_any_order()
    {
        var warehouse = tiny.NewSqlite();
        var sample = await SampleAsync("extraction-reordered.xlsx",
            ("Notes", [["Extraction du 03.02.2025"]]), (SubsidySamples.FundSheet, SubsidySamples.Funds[..4]), (SubsidySamples.Sheet, SubsidySamples.Good[..3]));

        var result = await warehouse.LoadFileAsync(sample, FundOptions());

        Assert.Equal((5L, 5L, 0L), (result.RowsRead, result.RowsLoaded, result.RowsRejected));
        Assert.Equal(3, await warehouse.CountAsync("SELECT COUNT(*) FROM fact_versement_fonds_europeens WHERE dp_numero LIKE '9000003%'"));
        Assert.Equal(2, await warehouse.CountAsync($"SELECT COUNT(*) FROM fact_demande_paiement WHERE {NewKeys}"));
    }
}
