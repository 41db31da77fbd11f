using System.Security.Cryptography;
using Infocentre.Loading.Common;

namespace Infocentre.Loading.Tests.Budget53;

public sealed class InfBud53LoadTests(TinyTemplate tiny) : IClassFixture<TinyTemplate>
{
    private const string NewKeys = "exercice = 2024 AND ((societe_code = 'ADCE' AND dp_numero = '900000001') OR (societe_code = 'IDF1' AND dp_numero = '900000002'))";

    [Fact]
    public async Task Good_extract_adds_its_lines_with_the_header_block_skipped_and_the_subtotal_ignored()
    {
        var warehouse = tiny.NewSqlite();
        var before = await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement");

        var result = await warehouse.LoadAsync("inf-bud-53-good.csv");

        Assert.Equal(LoadRunStatus.Succeeded, result.Status);
        Assert.Equal(3, result.RowsRead);
        Assert.Equal(3, result.RowsLoaded);
        Assert.Equal(0, result.RowsRejected);
        Assert.Equal(0, result.RowsReplaced);
        Assert.Equal(before + 3, await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement"));
        // 1 200,50 + 12 615 940,52 + 830 written by hand from the sample.
        Assert.Equal(1_261_797_102, await warehouse.CountAsync($"SELECT {warehouse.Cents("montant")} FROM fact_demande_paiement WHERE {NewKeys}"));
        var control = Assert.Single(result.ControlTotals);
        Assert.Equal(new ControlTotal(2024, 3, 12_617_971.02m), control);

        var line = Assert.Single(await warehouse.RowsAsync(
            "SELECT ministere_code, periode, statut, date_paiement, delai_paiement_jours, activite_code, compte_general_code, groupe_marchandises_code, ej_numero FROM fact_demande_paiement WHERE dp_numero = '900000001' AND dp_poste = 1"));
        Assert.Equal(["MIN18", "4", "PAY", "2024-04-10", "36", "016301010101", "6541100000", "NULL", "NULL"], line);
        var pre = Assert.Single(await warehouse.RowsAsync("SELECT date_base, date_paiement, delai_paiement_jours FROM fact_demande_paiement WHERE dp_numero = '900000002'"));
        Assert.Equal(["2024-05-12", "NULL", "NULL"], pre);
    }

    [Fact]
    public async Task Load_run_records_file_hash_encoding_counts_and_freshness()
    {
        var warehouse = tiny.NewSqlite();
        var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(TestWarehouse.Sample("inf-bud-53-good.csv"))));

        var result = await warehouse.LoadAsync("inf-bud-53-good.csv");

        var run = Assert.Single(await warehouse.RowsAsync(
            $"SELECT file_name, sha256, kind, status, rows_read, rows_loaded, rows_rejected, encoding, finished_at IS NOT NULL FROM load_run WHERE id = {result.LoadId}"));
        Assert.Equal(["inf-bud-53-good.csv", hash, "inf-bud-53", "succeeded", "3", "3", "0", "utf-8", "1"], run);
        var domains = await warehouse.RowsAsync(
            $"SELECT domain FROM load_record WHERE sha256 = '{hash}' AND status = 'succeeded' ORDER BY domain");
        Assert.Equal(["budget", "depenses", "subventions"], domains.Select(d => d[0]));
    }

    [Fact]
    public async Task Loading_the_same_extract_twice_changes_nothing()
    {
        var warehouse = tiny.NewSqlite();
        await warehouse.LoadAsync("inf-bud-53-good.csv");
        var facts = await warehouse.RowsAsync("SELECT * FROM fact_demande_paiement ORDER BY id");

        var again = await warehouse.LoadAsync("inf-bud-53-good.csv");

        Assert.Equal(LoadRunStatus.Succeeded, again.Status);
        Assert.Equal(3, again.RowsReplaced);
        Assert.Equal(facts, await warehouse.RowsAsync("SELECT * FROM fact_demande_paiement ORDER BY id"));
    }

    [Fact]
    public async Task Lines_identical_to_the_warehouse_are_not_written_again()
    {
        var warehouse = tiny.NewSqlite();
        await warehouse.LoadAsync("inf-bud-53-good.csv");
        // Triggers of the test's own: every row the publication deletes or inserts.
        await warehouse.ScalarAsync("""
            CREATE TABLE write_log (op TEXT NOT NULL, line TEXT NOT NULL);
            CREATE TRIGGER log_insert AFTER INSERT ON fact_demande_paiement BEGIN INSERT INTO write_log VALUES ('insert', NEW.dp_numero || '/' || NEW.dp_poste); END;
            CREATE TRIGGER log_delete AFTER DELETE ON fact_demande_paiement BEGIN INSERT INTO write_log VALUES ('delete', OLD.dp_numero || '/' || OLD.dp_poste); END;
            """);

        var again = await warehouse.LoadAsync("inf-bud-53-good.csv");

        Assert.Equal((LoadRunStatus.Succeeded, 3L), (again.Status, again.RowsReplaced));
        Assert.Empty(await warehouse.RowsAsync("SELECT op, line FROM write_log"));

        var corrected = await warehouse.LoadAsync("inf-bud-53-corrected.csv");

        Assert.Equal((LoadRunStatus.Succeeded, 3L), (corrected.Status, corrected.RowsReplaced));
        // The two samples differ by the first line's amount only (1 200,50 → 1 250,00).
        Assert.Equal([["delete", "900000001/1"], ["insert", "900000001/1"]], await warehouse.RowsAsync("SELECT op, line FROM write_log ORDER BY rowid"));
    }

    [Fact]
    public async Task A_corrected_extract_replaces_the_lines_of_the_same_keys()
    {
        var warehouse = tiny.NewSqlite();
        await warehouse.LoadAsync("inf-bud-53-good.csv");
        var count = await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement");

        var result = await warehouse.LoadAsync("inf-bud-53-corrected.csv");

        Assert.Equal(3, result.RowsReplaced);
        Assert.Equal(count, await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement"));
        Assert.Equal(125_000, await warehouse.CountAsync($"SELECT {warehouse.Cents("montant")} FROM fact_demande_paiement WHERE dp_numero = '900000001' AND dp_poste = 1"));
    }

    [Fact]
    public async Task Rejected_lines_are_reported_with_line_column_value_and_rule_in_a_windows_1252_file()
    {
        var warehouse = tiny.NewSqlite();

        var result = await warehouse.LoadAsync("inf-bud-53-bad-1252.csv", new LoadOptions { MaxRejectionRate = 1 });

        Assert.Equal(7, result.RowsRead);
        Assert.Equal(1, result.RowsLoaded);
        Assert.Equal(6, result.RowsRejected);
        var found = result.Findings.Where(f => f.Rule.Severity == Severity.Error)
            .Select(f => (f.Line, f.Column, f.Value, f.Rule.Code)).OrderBy(f => f.Line).ToList();
        Assert.Equal(
        [
            (6, "N° EJ", "12345", "DQ-003"),
            (7, "Centre financier", "0163-XXXX-YYYY", "DQ-004"),
            (8, "Montant payé", "12,345", "DQ-002"),
            (9, "Date de dernière opération sur la DP", "31.02.2024", "DQ-002"),
            (10, "Code taxe 1", "16543209700238", "DQ-003"),
            (11, "exercice+societe_code+dp_numero+dp_poste", "2024/ADCE/900000001/1", "DQ-005"),
        ], found.Select(f => ((long)f.Line!, f.Column!, f.Value!, f.Code)).ToList());
        var stored = await warehouse.RowsAsync(
            $"SELECT line, \"column\", code, severity, file_name FROM load_finding WHERE load_run_id = {result.LoadId} ORDER BY line");
        Assert.Equal(6, stored.Count);
        Assert.Equal(["6", "N° EJ", "DQ-003", "error", "inf-bud-53-bad-1252.csv"], stored[0]);
        Assert.Equal("windows-1252", await warehouse.ScalarAsync($"SELECT encoding FROM load_run WHERE id = {result.LoadId}"));
        // The duplicate's amount (99) is not in the warehouse: only line 5 was loaded.
        Assert.Equal(120_050, await warehouse.CountAsync($"SELECT {warehouse.Cents("montant")} FROM fact_demande_paiement WHERE dp_numero = '900000001'"));
    }

    [Fact]
    public async Task Too_many_rejections_refuse_the_whole_load_and_keep_the_findings()
    {
        var warehouse = tiny.NewSqlite();
        var before = await warehouse.SnapshotAsync();

        var result = await warehouse.LoadFailingAsync("inf-bud-53-bad-1252.csv");

        Assert.Equal(LoadRunStatus.Refused, result.Status);
        Assert.Contains("6 of 7 lines rejected", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, await warehouse.SnapshotAsync());
        Assert.Equal("refused", await warehouse.ScalarAsync($"SELECT status FROM load_run WHERE id = {result.LoadId}"));
        Assert.Equal(6, await warehouse.CountAsync($"SELECT COUNT(*) FROM load_finding WHERE load_run_id = {result.LoadId}"));
    }

    [Fact]
    public async Task A_missing_column_fails_the_load_naming_the_header_line_and_the_column()
    {
        var warehouse = tiny.NewSqlite();
        var before = await warehouse.SnapshotAsync();

        var e = await Assert.ThrowsAsync<LoadFailedException>(() => warehouse.LoadAsync("inf-bud-53-missing-column.csv"));

        Assert.Equal(7, e.Line);
        Assert.Equal("Service exécutant", e.Column);
        Assert.Equal(LoadRunStatus.Failed, e.Result.Status);
        Assert.Equal(before, await warehouse.SnapshotAsync());
    }
}
