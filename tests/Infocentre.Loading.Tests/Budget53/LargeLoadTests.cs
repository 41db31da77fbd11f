using Infocentre.Loading.Budget53;
using Infocentre.Loading.Common;
using Infocentre.Warehouse;

namespace Infocentre.Loading.Tests.Budget53;

/// <summary>
/// A load of at least a fifth of the fact table's lines publishes with the table's indexes dropped and built
/// again (SQLite): the result, the indexes and the guarantees must be those of a small load.
/// </summary>
public sealed class LargeLoadTests(TinyTemplate tiny) : IClassFixture<TinyTemplate>
{
    private const int Lines = 1_000;

    private const string Indexes = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'fact_demande_paiement' ORDER BY name";

    [Fact]
    public async Task A_large_load_keeps_every_index_and_a_reload_keeps_the_ids()
    {
        var warehouse = tiny.NewSqlite();
        var before = await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement");
        var indexes = await warehouse.RowsAsync(Indexes);
        var extract = await WriteExtractAsync(warehouse, amountSeed: 1);
        Assert.True(Lines * 5 >= before, "The extract is large enough for the bulk publication.");

        var first = await LoadAsync(warehouse, extract);
        var loaded = await warehouse.RowsAsync("SELECT * FROM fact_demande_paiement ORDER BY id");
        var second = await LoadAsync(warehouse, extract);

        Assert.Equal((Lines, 0L), (first.RowsLoaded, first.RowsReplaced));
        Assert.Equal((Lines, (long)Lines), (second.RowsLoaded, second.RowsReplaced));
        Assert.Equal(before + Lines, await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement"));
        Assert.Equal(loaded, await warehouse.RowsAsync("SELECT * FROM fact_demande_paiement ORDER BY id"));
        Assert.Equal(indexes, await warehouse.RowsAsync(Indexes));
        Assert.Equal("ok", await warehouse.ScalarAsync("PRAGMA integrity_check"));
        Assert.Equal(0, await warehouse.CountAsync("SELECT COUNT(*) FROM pragma_foreign_key_check('fact_demande_paiement')"));
        // The new lines took ids above the previous maximum, in file order.
        Assert.Equal(Lines, await warehouse.CountAsync(
            $"SELECT COUNT(*) FROM fact_demande_paiement WHERE id > (SELECT MAX(id) - {Lines} FROM fact_demande_paiement)"));
    }

    [Fact]
    public async Task A_corrected_large_extract_replaces_the_amounts_in_place()
    {
        var warehouse = tiny.NewSqlite();
        // Both written before loading: the generator takes its imputations from the warehouse's lines.
        var first = await WriteExtractAsync(warehouse, amountSeed: 1);
        var corrected = await WriteExtractAsync(warehouse, amountSeed: 5);
        var fileCents = await FileCentsAsync(corrected);
        await LoadAsync(warehouse, first);
        var ids = await warehouse.RowsAsync("SELECT id, exercice, societe_code, dp_numero, dp_poste FROM fact_demande_paiement ORDER BY id");

        var result = await LoadAsync(warehouse, corrected);

        Assert.Equal((long)Lines, result.RowsReplaced);
        Assert.Equal(ids, await warehouse.RowsAsync("SELECT id, exercice, societe_code, dp_numero, dp_poste FROM fact_demande_paiement ORDER BY id"));
        Assert.Equal(fileCents, await warehouse.CountAsync(
            $"SELECT {warehouse.Cents("montant")} FROM fact_demande_paiement WHERE id > (SELECT MAX(id) - {Lines} FROM fact_demande_paiement)"));
    }

    [Fact]
    public async Task Next_weeks_extract_writes_only_its_changed_and_new_lines()
    {
        var warehouse = tiny.NewSqlite();
        var first = await WriteExtractAsync(warehouse, amountSeed: 1);
        var nextWeek = Path.Combine(Path.GetTempPath(), $"infocentre-large-{Guid.NewGuid():N}.csv");
        await using (var db = WarehouseDatabase.CreateContext(warehouse.Options))
        {
            // Every 40th line another amount (25 lines), then 20 new lines.
            await SyntheticInfBud53.WriteAsync(db, nextWeek, 2024, Lines, amountSeed: 1, CancellationToken.None, changeEvery: 40, newLines: 20);
        }

        var fileCents = await FileCentsAsync(nextWeek);
        await LoadAsync(warehouse, first);
        var before = await warehouse.RowsAsync("SELECT id, montant FROM fact_demande_paiement ORDER BY id");
        await warehouse.ScalarAsync("""
            CREATE TABLE written (id INTEGER, what TEXT);
            CREATE TRIGGER count_insert AFTER INSERT ON fact_demande_paiement BEGIN INSERT INTO written VALUES (new.id, 'insert'); END;
            CREATE TRIGGER count_delete AFTER DELETE ON fact_demande_paiement BEGIN INSERT INTO written VALUES (old.id, 'delete'); END;
            """);

        var result = await LoadAsync(warehouse, nextWeek);

        Assert.Equal((Lines + 20L, (long)Lines), (result.RowsLoaded, result.RowsReplaced));
        Assert.Equal(25 + 20, await warehouse.CountAsync("SELECT COUNT(*) FROM written WHERE what = 'insert'"));
        Assert.Equal(25, await warehouse.CountAsync("SELECT COUNT(*) FROM written WHERE what = 'delete'"));
        // The 25 changed lines kept their ids; every other line is as it was.
        var after = (await warehouse.RowsAsync("SELECT id, montant FROM fact_demande_paiement ORDER BY id")).Select(r => string.Join('|', r)).ToList();
        Assert.Equal(before.Count + 20, after.Count);
        Assert.Equal(before.Count - 25, before.Select(r => string.Join('|', r)).Intersect(after).Count());
        Assert.Equal(25, await warehouse.CountAsync("SELECT COUNT(DISTINCT id) FROM written WHERE what = 'delete' AND id IN (SELECT id FROM written WHERE what = 'insert')"));
        Assert.Equal(fileCents, await warehouse.CountAsync(
            $"SELECT {warehouse.Cents("montant")} FROM fact_demande_paiement WHERE dp_numero BETWEEN '800000000' AND '800000101'"));
    }

    [Theory]
    [InlineData(LoadStep.Publish)]
    [InlineData(LoadStep.Reconcile)]
    public async Task A_fault_during_a_large_publication_leaves_the_table_and_its_indexes_unchanged(LoadStep failing)
    {
        var warehouse = tiny.NewSqlite();
        var extract = await WriteExtractAsync(warehouse, amountSeed: 1);
        var before = await warehouse.SnapshotAsync();
        var indexes = await warehouse.RowsAsync(Indexes);
        var options = new LoadOptions { StepHook = step => { if (step == failing) { throw new InvalidOperationException("Injected fault."); } } };

        await Assert.ThrowsAsync<InvalidOperationException>(() => LoadAsync(warehouse, extract, options));

        Assert.Equal(before, await warehouse.SnapshotAsync());
        Assert.Equal(indexes, await warehouse.RowsAsync(Indexes));
        Assert.Equal(LoadRunStatus.Succeeded, (await LoadAsync(warehouse, extract)).Status);
    }

    private static async Task<string> WriteExtractAsync(TestWarehouse warehouse, int amountSeed)
    {
        var path = Path.Combine(Path.GetTempPath(), $"infocentre-large-{Guid.NewGuid():N}.csv");
        await using var db = WarehouseDatabase.CreateContext(warehouse.Options);
        await SyntheticInfBud53.WriteAsync(db, path, 2024, Lines, amountSeed, CancellationToken.None);
        return path;
    }

    private static async Task<LoadResult> LoadAsync(TestWarehouse warehouse, string path, LoadOptions? options = null)
    {
        await using var db = WarehouseDatabase.CreateContext(warehouse.Options);
        return await new ExtractLoader(db, options ?? new LoadOptions()).LoadAsync(path, null, "tests", CancellationToken.None);
    }

    /// <summary>Σ of the file's amount column in cents, read from the file itself (last column, "1 780,46").</summary>
    private static async Task<long> FileCentsAsync(string path)
    {
        long cents = 0;
        var header = false;
        foreach (var line in await File.ReadAllLinesAsync(path))
        {
            var fields = line.Split(';');
            if (!header)
            {
                header = fields.Contains("N° DP");
                continue;
            }

            var amount = fields[^1].Trim('"').Replace(" ", string.Empty, StringComparison.Ordinal).Replace(',', '.');
            cents += (long)(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) * 100);
        }

        return cents;
    }
}
