using Infocentre.Loading.Common;
using Infocentre.Loading.Tests.Ledger;
using Infocentre.TestSupport.PostgreSql;

namespace Infocentre.Loading.Tests.PostgreSql;

public sealed class PostgreSqlLedgerTests(PostgreSqlFixture postgres) : IClassFixture<PostgreSqlFixture>
{
    private const string Pieces = "piece_numero LIKE '99000000%'";

    private Task<TestWarehouse> NewTinyAsync() => TestWarehouse.NewTinyPostgreSqlAsync(postgres, "ledger");

    [Fact]
    public async Task Ledger_loads_once_a_second_load_changes_nothing_and_a_correction_replaces_the_piece()
    {
        var warehouse = await NewTinyAsync();
        var before = await warehouse.CountAsync("SELECT COUNT(*) FROM fact_ecriture_comptable");

        var first = await warehouse.LoadAsync("inf-cge-03-good.csv");
        var facts = await warehouse.RowsAsync("SELECT * FROM fact_ecriture_comptable ORDER BY id");
        var second = await warehouse.LoadAsync("inf-cge-03-good.csv");

        Assert.Equal((7L, 0L), (first.RowsLoaded, first.RowsReplaced));
        Assert.Equal((7L, 7L), (second.RowsLoaded, second.RowsReplaced));
        Assert.Equal(before + 7, await warehouse.CountAsync("SELECT COUNT(*) FROM fact_ecriture_comptable"));
        Assert.Equal(facts, await warehouse.RowsAsync("SELECT * FROM fact_ecriture_comptable ORDER BY id"));
        // 12 615 940,52 + 1 200,50 + 830 on each side, written by hand from the sample.
        Assert.Equal(["1261797102", "1261797102"], Assert.Single(await warehouse.RowsAsync(
            $"SELECT {warehouse.Cents("debit")}, {warehouse.Cents("credit")} FROM fact_ecriture_comptable WHERE {Pieces}")));

        var corrected = await warehouse.LoadAsync("inf-cge-03-corrected.csv");

        Assert.Equal((2L, 3L), (corrected.RowsLoaded, corrected.RowsReplaced));
        Assert.Equal(
            [["1", "90000", "0"], ["2", "0", "90000"]],
            await warehouse.RowsAsync(
                $"SELECT ligne, {warehouse.Cents("debit")}, {warehouse.Cents("credit")} FROM fact_ecriture_comptable WHERE piece_numero = '9900000003' GROUP BY ligne ORDER BY ligne"));
    }

    [Fact]
    public async Task Unbalanced_pieces_are_rejected_whole_and_the_findings_stored()
    {
        var warehouse = await NewTinyAsync();

        var result = await warehouse.LoadAsync("inf-cge-03-bad.csv", new LoadOptions { MaxRejectionRate = 1 });

        Assert.Equal((11L, 4L, 7L), (result.RowsRead, result.RowsLoaded, result.RowsRejected));
        Assert.Equal(
            [["9900000011", "2", "25000", "25000"], ["9900000014", "2", "7525", "7525"]],
            await warehouse.RowsAsync(
                $"SELECT piece_numero, COUNT(*), {warehouse.Cents("debit")}, {warehouse.Cents("credit")} FROM fact_ecriture_comptable WHERE {Pieces} GROUP BY piece_numero ORDER BY piece_numero"));
        Assert.Equal(
            [["7", "9900000012"], ["8", "9900000012"], ["10", "9900000013"], ["15", "9900000015"]],
            await warehouse.RowsAsync($"SELECT line, value FROM load_finding WHERE load_run_id = {result.LoadId} AND code = 'DQ-007' ORDER BY line"));
    }

    [Theory]
    [InlineData(LoadStep.Check)]
    [InlineData(LoadStep.Reconcile)]
    public async Task A_fault_leaves_the_ledger_unchanged(LoadStep failing)
    {
        var warehouse = await NewTinyAsync();
        await warehouse.LoadAsync("inf-cge-03-good.csv");
        var before = await LedgerLoadTests.SnapshotAsync(warehouse);
        var options = new LoadOptions { StepHook = step => { if (step == failing) { throw new InvalidOperationException("Injected fault."); } } };

        await Assert.ThrowsAsync<InvalidOperationException>(() => warehouse.LoadAsync("inf-cge-03-corrected.csv", options));

        Assert.Equal(before, await LedgerLoadTests.SnapshotAsync(warehouse));
        Assert.Equal(LoadRunStatus.Succeeded, (await warehouse.LoadAsync("inf-cge-03-corrected.csv")).Status);
    }
}
