using Infocentre.Loading.Common;

namespace Infocentre.Loading.Tests.Ledger;

public sealed class LedgerLoadTests(TinyTemplate tiny) : IClassFixture<TinyTemplate>
{
    private const string Pieces = "piece_numero LIKE '99000000%'";

    [Fact]
    public async Task Good_extract_adds_its_balanced_pieces_with_the_header_block_and_subtotals_skipped()
    {
        var warehouse = tiny.NewSqlite();
        var before = await warehouse.CountAsync("SELECT COUNT(*) FROM fact_ecriture_comptable");

        var result = await warehouse.LoadAsync("inf-cge-03-good.csv");

        Assert.Equal(LoadRunStatus.Succeeded, result.Status);
        Assert.Equal("inf-cge-03", result.Kind);
        Assert.Equal((7L, 7L, 0L, 0L), (result.RowsRead, result.RowsLoaded, result.RowsRejected, result.RowsReplaced));
        Assert.Empty(result.Findings);
        Assert.Equal(before + 7, await warehouse.CountAsync("SELECT COUNT(*) FROM fact_ecriture_comptable"));
        // 12 615 940,52 + 1 200,50 + 830 written by hand from the sample, on each side.
        Assert.Equal(new ControlTotal(2024, 7, 12_617_971.02m), Assert.Single(result.ControlTotals));
        Assert.Equal(1_261_797_102, await warehouse.CountAsync($"SELECT {warehouse.Cents("debit")} FROM fact_ecriture_comptable WHERE {Pieces}"));
        Assert.Equal(1_261_797_102, await warehouse.CountAsync($"SELECT {warehouse.Cents("credit")} FROM fact_ecriture_comptable WHERE {Pieces}"));

        var lines = await warehouse.RowsAsync(
            "SELECT piece_numero, ligne, exercice, periode, societe_code, ministere_code, programme_code, domaine_fonctionnel_code, centre_couts_code, "
            + "journal, date_comptable, type_operation, compte_general_code, tiers_code, client_code, date_echeance, lettrage, libelle "
            + $"FROM fact_ecriture_comptable WHERE {Pieces} AND ligne <= 2 AND piece_numero <> '9900000003' ORDER BY piece_numero, ligne");
        Assert.Equal(
        [
            ["9900000001", "1", "2024", "4", "ADCE", "MIN18", "0163", "0163-01", "SJVSDAT075", "RE", "2024-04-10", "GES", "6541100000", "1000000017", "NULL", "NULL", "NULL", "Charge DP 900000001/1"],
            ["9900000001", "2", "2024", "4", "ADCE", "MIN18", "NULL", "NULL", "NULL", "RE", "2024-04-10", "GES", "4011000000", "1000000017", "NULL", "NULL", "L24-0001", "Dette DP 900000001"],
            ["9900000002", "1", "2024", "5", "ADCE", "MIN18", "NULL", "NULL", "NULL", "DR", "2024-05-02", "GES", "4111100000", "NULL", "C100000000", "2024-06-30", "NULL", "Titre 24-17"],
            ["9900000002", "2", "2024", "5", "ADCE", "MIN18", "0163", "0163-01", "NULL", "DR", "2024-05-02", "GES", "7061000000", "NULL", "NULL", "NULL", "NULL", "Titre 24-17"],
        ], lines);
        Assert.Equal(["IDF1", "INV", "2024-05-15", "3"], Assert.Single(await warehouse.RowsAsync(
            "SELECT societe_code, type_operation, date_comptable, COUNT(*) FROM fact_ecriture_comptable WHERE piece_numero = '9900000003' GROUP BY societe_code, type_operation, date_comptable")));

        var domains = await warehouse.RowsAsync($"SELECT domain FROM load_record WHERE kind = 'inf-cge-03' AND status = 'succeeded'");
        Assert.Equal(["comptabilite-generale"], domains.Select(d => d[0]));
    }

    [Fact]
    public async Task Loading_the_same_ledger_twice_changes_nothing()
    {
        var warehouse = tiny.NewSqlite();
        await warehouse.LoadAsync("inf-cge-03-good.csv");
        var facts = await warehouse.RowsAsync("SELECT * FROM fact_ecriture_comptable ORDER BY id");

        var again = await warehouse.LoadAsync("inf-cge-03-good.csv");

        Assert.Equal((7L, 7L), (again.RowsLoaded, again.RowsReplaced));
        Assert.Equal(facts, await warehouse.RowsAsync("SELECT * FROM fact_ecriture_comptable ORDER BY id"));
    }

    [Fact]
    public async Task A_corrected_piece_replaces_the_whole_piece_including_the_lines_it_no_longer_has()
    {
        var warehouse = tiny.NewSqlite();
        await warehouse.LoadAsync("inf-cge-03-good.csv");
        var count = await warehouse.CountAsync("SELECT COUNT(*) FROM fact_ecriture_comptable");
        var ids = await warehouse.RowsAsync("SELECT id FROM fact_ecriture_comptable WHERE piece_numero = '9900000003' AND ligne <= 2 ORDER BY ligne");

        var result = await warehouse.LoadAsync("inf-cge-03-corrected.csv");

        // Lines 1 and 2 replaced, line 3 dropped: the pièce is now 900 = 900 on two lines.
        Assert.Equal((2L, 3L), (result.RowsLoaded, result.RowsReplaced));
        Assert.Equal(count - 1, await warehouse.CountAsync("SELECT COUNT(*) FROM fact_ecriture_comptable"));
        Assert.Equal(
            [["1", "90000", "0"], ["2", "0", "90000"]],
            await warehouse.RowsAsync(
                $"SELECT ligne, {warehouse.Cents("debit")}, {warehouse.Cents("credit")} FROM fact_ecriture_comptable WHERE piece_numero = '9900000003' GROUP BY ligne ORDER BY ligne"));
        Assert.Equal(ids, await warehouse.RowsAsync("SELECT id FROM fact_ecriture_comptable WHERE piece_numero = '9900000003' ORDER BY ligne"));
        Assert.Equal(4, await warehouse.CountAsync($"SELECT COUNT(*) FROM fact_ecriture_comptable WHERE {Pieces} AND piece_numero <> '9900000003'"));
    }

    [Fact]
    public async Task Unbalanced_and_incomplete_pieces_are_rejected_whole_with_the_piece_and_the_gap()
    {
        var warehouse = tiny.NewSqlite();

        var result = await warehouse.LoadAsync("inf-cge-03-bad.csv", new LoadOptions { MaxRejectionRate = 1 });

        Assert.Equal(LoadRunStatus.Succeeded, result.Status);
        Assert.Equal((11L, 4L, 7L), (result.RowsRead, result.RowsLoaded, result.RowsRejected));
        var findings = result.Findings.Select(f => (f.Rule.Code, f.Line, f.Column, f.Value)).OrderBy(f => f.Line).ThenBy(f => f.Code).ToList();
        Assert.Equal(
        [
            ("DQ-010", 5, "Date comptable", "31.01.2025"),
            ("DQ-010", 6, "Date comptable", "31.01.2025"),
            ("DQ-007", 7, "N° pièce", "9900000012"),
            ("DQ-007", 8, "N° pièce", "9900000012"),
            ("DQ-004", 9, "Compte général", "6999999999"),
            ("DQ-007", 10, "N° pièce", "9900000013"),
            ("DQ-005", 12, "exercice+societe_code+piece_numero+ligne", "2024/ADCE/9900000014/1"),
            ("DQ-002", 14, "Sens", "X"),
            ("DQ-007", 15, "N° pièce", "9900000015"),
        ], findings);
        var unbalanced = result.Findings.First(f => f.Line == 7).Message;
        Assert.Contains("Pièce 9900000012", unbalanced, StringComparison.Ordinal);
        Assert.Contains("gap 10.00", unbalanced, StringComparison.Ordinal);

        // Only the balanced, complete pièces 11 and 14 are in the warehouse; 250 + 75,25 on each side.
        Assert.Equal(
            [["9900000011", "2"], ["9900000014", "2"]],
            await warehouse.RowsAsync($"SELECT piece_numero, COUNT(*) FROM fact_ecriture_comptable WHERE {Pieces} GROUP BY piece_numero ORDER BY piece_numero"));
        Assert.Equal(32_525, await warehouse.CountAsync($"SELECT {warehouse.Cents("debit")} FROM fact_ecriture_comptable WHERE {Pieces}"));
        Assert.Equal(32_525, await warehouse.CountAsync($"SELECT {warehouse.Cents("credit")} FROM fact_ecriture_comptable WHERE {Pieces}"));
        Assert.Equal(new ControlTotal(2024, 4, 325.25m), Assert.Single(result.ControlTotals));
        Assert.Equal(9, await warehouse.CountAsync($"SELECT COUNT(*) FROM load_finding WHERE load_run_id = {result.LoadId}"));
    }

    [Fact]
    public async Task Too_many_rejections_refuse_the_whole_ledger_and_leave_the_warehouse_unchanged()
    {
        var warehouse = tiny.NewSqlite();
        var before = await SnapshotAsync(warehouse);

        var result = await warehouse.LoadFailingAsync("inf-cge-03-bad.csv");

        Assert.Equal(LoadRunStatus.Refused, result.Status);
        Assert.Equal(before, await SnapshotAsync(warehouse));
        Assert.Equal(0, await warehouse.CountAsync($"SELECT COUNT(*) FROM fact_ecriture_comptable WHERE {Pieces}"));
    }

    [Theory]
    [InlineData(LoadStep.Parse)]
    [InlineData(LoadStep.Stage)]
    [InlineData(LoadStep.Check)]
    [InlineData(LoadStep.Publish)]
    [InlineData(LoadStep.Reconcile)]
    public async Task A_fault_at_any_step_leaves_the_ledger_unchanged_and_a_retry_converges(LoadStep failing)
    {
        var warehouse = tiny.NewSqlite();
        await warehouse.LoadAsync("inf-cge-03-good.csv");
        var before = await SnapshotAsync(warehouse);
        var options = new LoadOptions { StepHook = step => { if (step == failing) { throw new InvalidOperationException($"Injected fault at {step}."); } } };

        await Assert.ThrowsAsync<InvalidOperationException>(() => warehouse.LoadAsync("inf-cge-03-corrected.csv", options));

        Assert.Equal(before, await SnapshotAsync(warehouse));
        var retry = await warehouse.LoadAsync("inf-cge-03-corrected.csv");
        Assert.Equal((2L, 3L), (retry.RowsLoaded, retry.RowsReplaced));
        Assert.Equal(2, await warehouse.CountAsync("SELECT COUNT(*) FROM fact_ecriture_comptable WHERE piece_numero = '9900000003'"));
    }

    [Fact]
    public async Task A_missing_column_fails_the_load_naming_the_header_line_and_the_column()
    {
        var warehouse = tiny.NewSqlite();
        var path = Path.Combine(Path.GetTempPath(), "inf-cge-03-" + Guid.NewGuid().ToString("N") + ".csv");
        var text = await File.ReadAllTextAsync(TestWarehouse.Sample("inf-cge-03-good.csv"));
        await File.WriteAllTextAsync(path, text.Replace(";Date comptable;", ";Date de pièce;", StringComparison.Ordinal));
        try
        {
            var e = await Assert.ThrowsAsync<LoadFailedException>(() => warehouse.LoadAsync(path));

            Assert.Equal((7L, "Date comptable"), (e.Line!.Value, e.Column));
            Assert.Contains("'Date comptable' is missing", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The ledger and the journal of loads, as text.</summary>
    internal static async Task<string> SnapshotAsync(TestWarehouse warehouse)
    {
        var rows = await warehouse.RowsAsync("SELECT * FROM fact_ecriture_comptable ORDER BY id");
        rows.AddRange(await warehouse.RowsAsync("SELECT * FROM load_record ORDER BY id"));
        return string.Join('\n', rows.Select(r => string.Join('|', r)));
    }
}
