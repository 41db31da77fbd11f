using System.Globalization;
using Infocentre.Loading.Budget53;
using Infocentre.Loading.Common;
using Infocentre.TestSupport.PostgreSql;
using Infocentre.Warehouse;

namespace Infocentre.Loading.Tests.PostgreSql;

public sealed class PostgreSqlLoadTests(PostgreSqlFixture postgres) : IClassFixture<PostgreSqlFixture>
{
    private Task<TestWarehouse> NewTinyAsync() => TestWarehouse.NewTinyPostgreSqlAsync(postgres, "loading");

    [Fact]
    public async Task Good_extract_loads_once_and_a_second_load_changes_nothing()
    {
        var warehouse = await NewTinyAsync();
        var before = await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement");

        var first = await warehouse.LoadAsync("inf-bud-53-good.csv");
        var facts = await warehouse.RowsAsync("SELECT * FROM fact_demande_paiement ORDER BY id");
        var second = await warehouse.LoadAsync("inf-bud-53-good.csv");

        Assert.Equal((3L, 0L), (first.RowsLoaded, first.RowsReplaced));
        Assert.Equal((3L, 3L), (second.RowsLoaded, second.RowsReplaced));
        Assert.Equal(before + 3, await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement"));
        Assert.Equal(facts, await warehouse.RowsAsync("SELECT * FROM fact_demande_paiement ORDER BY id"));
    }

    [Theory]
    [InlineData(LoadStep.Parse)]
    [InlineData(LoadStep.Publish)]
    [InlineData(LoadStep.Reconcile)]
    public async Task A_fault_leaves_the_warehouse_unchanged(LoadStep failing)
    {
        var warehouse = await NewTinyAsync();
        var before = await warehouse.SnapshotAsync();
        var options = new LoadOptions { StepHook = step => { if (step == failing) { throw new InvalidOperationException("Injected fault."); } } };

        await Assert.ThrowsAsync<InvalidOperationException>(() => warehouse.LoadAsync("inf-bud-53-good.csv", options));

        Assert.Equal(before, await warehouse.SnapshotAsync());
        Assert.Equal(LoadRunStatus.Succeeded, (await warehouse.LoadAsync("inf-bud-53-good.csv")).Status);
    }

    [Fact]
    public async Task Concurrent_readers_see_the_old_or_the_new_totals_never_a_mix()
    {
        var warehouse = await NewTinyAsync();
        var folder = Directory.CreateTempSubdirectory("infocentre-loading-");
        var first = Path.Combine(folder.FullName, "first.csv");
        var corrected = Path.Combine(folder.FullName, "corrected.csv");
        const int Lines = 30_000;
        await using (var db = WarehouseDatabase.CreateContext(warehouse.Options))
        {
            await SyntheticInfBud53.WriteAsync(db, first, 2024, Lines, amountSeed: 1, CancellationToken.None);
            await SyntheticInfBud53.WriteAsync(db, corrected, 2024, Lines, amountSeed: 5, CancellationToken.None);
        }

        const string Totals = "SELECT COUNT(*) || '/' || COALESCE(SUM(montant), 0) FROM fact_demande_paiement";
        await Load(first);
        var old = (string)(await warehouse.ScalarAsync(Totals))!;

        var load = Task.Run(() => Load(corrected));
        var seen = new List<string>();
        while (!load.IsCompleted)
        {
            seen.Add((string)(await warehouse.ScalarAsync(Totals))!);
        }

        await load;
        var @new = (string)(await warehouse.ScalarAsync(Totals))!;
        Assert.NotEqual(old, @new);
        Assert.True(seen.Count > 1, "The readers ran while the load ran.");
        Assert.All(seen, observed => Assert.True(observed == old || observed == @new, $"Mixed totals {observed} (old {old}, new {@new})."));
        folder.Delete(recursive: true);

        async Task Load(string path)
        {
            await using var db = WarehouseDatabase.CreateContext(warehouse.Options);
            var result = await new ExtractLoader(db, new LoadOptions()).LoadAsync(path, null, "tests", CancellationToken.None);
            Assert.Equal(Lines.ToString(CultureInfo.InvariantCulture), result.RowsLoaded.ToString(CultureInfo.InvariantCulture));
        }
    }
}
