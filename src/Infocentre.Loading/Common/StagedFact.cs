using System.Globalization;
using Infocentre.Warehouse.Bulk;

namespace Infocentre.Loading.Common;

/// <summary>
/// A temporary copy of a fact table, in the load's transaction, that the parsed lines are staged into. The
/// staged <c>id</c> is the line number in the file. Publication replaces the warehouse lines of the same
/// natural key: they keep their id, so loading the same extract again changes nothing.
/// </summary>
public sealed class StagedFact<T>
    where T : class
{
    /// <summary>
    /// A load of at least 1/<c>BulkShare</c> of the table's lines rebuilds its indexes rather than maintaining
    /// them line by line (one sort per index costs less than that many random B-tree updates).
    /// </summary>
    private const int BulkShare = 5;

    private readonly LoadSession session;
    private readonly string[] keyColumns;
    private readonly string amountColumn;
    private readonly string exerciceColumn;

    public StagedFact(LoadSession session, string[] keyColumns, string exerciceColumn, string amountColumn)
    {
        ArgumentNullException.ThrowIfNull(session);
        this.session = session;
        this.keyColumns = keyColumns;
        this.exerciceColumn = exerciceColumn;
        this.amountColumn = amountColumn;
        Fact = BulkTable.For<T>(session.Db);
        Stage = Fact.WithName("stg_" + Fact.Name);
    }

    public BulkTable Fact { get; }

    public BulkTable Stage { get; }

    private string FactName => session.Quote(Fact.Name);

    private string StageName => session.Quote(Stage.Name);

    /// <summary>Staged line → id of the warehouse line of the same key (publication only).</summary>
    private string IdsName => session.Quote(Stage.Name + "_ids");

    private string KeyMatch(string left, string right) =>
        string.Join(" AND ", keyColumns.Select(c => $"{left}.{session.Quote(c)} = {right}.{session.Quote(c)}"));

    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        if (session.IsSqlite)
        {
            await session.ExecuteAsync($"DROP TABLE IF EXISTS temp.{StageName}", cancellationToken);
            await session.ExecuteAsync($"CREATE TEMP TABLE {StageName} AS SELECT * FROM {FactName} WHERE 0", cancellationToken);
        }
        else
        {
            await session.ExecuteAsync($"CREATE TEMP TABLE {StageName} (LIKE {FactName}) ON COMMIT DROP", cancellationToken);
        }
    }

    public Task<long> WriteAsync(IEnumerable<T> rows, CancellationToken cancellationToken) =>
        session.Writer.WriteAsync(Stage, rows, null, cancellationToken);

    /// <summary>
    /// Indexes the staged lines on <paramref name="columns"/> (the checks and publication join on them). The
    /// index is named after the stage: a load can stage several facts.
    /// </summary>
    public Task IndexAsync(string name, IEnumerable<string> columns, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            $"CREATE INDEX {session.Quote("ix_" + Stage.Name + "_" + name)} ON {StageName} ({string.Join(", ", columns.Select(session.Quote))})",
            cancellationToken);

    /// <summary>
    /// Rejects every staged line whose natural key an earlier line of the file already has (DQ-005), and takes
    /// it out of the counters and control totals.
    /// </summary>
    public async Task RejectDuplicatesAsync(CancellationToken cancellationToken)
    {
        await IndexAsync("key", keyColumns.Append("id"), cancellationToken);
        var duplicate = $"EXISTS (SELECT 1 FROM {StageName} d WHERE {KeyMatch("d", "s")} AND d.id < s.id)";
        var keyText = string.Join(" || '/' || ", keyColumns.Select(c => $"CAST(s.{session.Quote(c)} AS VARCHAR(200))"));
        var any = false;
        await using (var command = session.Command(
            $"SELECT s.id, s.{session.Quote(exerciceColumn)}, {session.SumCents("s." + session.Quote(amountColumn))}, {keyText} FROM {StageName} s WHERE {duplicate} GROUP BY s.id, s.{session.Quote(exerciceColumn)}, {keyText}"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                any = true;
                var line = reader.GetInt64(0);
                var exercice = reader.GetInt32(1);
                var amount = reader.GetInt64(2) / 100m;
                var key = reader.GetString(3);
                session.Reject(DataQualityRules.Duplicate, line, string.Join("+", keyColumns), key,
                    $"The natural key {key} was already given by an earlier line.");
                session.RowsRejected++;
                session.RowsLoaded--;
                session.AddToTotals(exercice, -1, -amount);
            }
        }

        if (!any)
        {
            return; // a second pass over the stage for nothing
        }

        await session.ExecuteAsync($"DELETE FROM {StageName} WHERE EXISTS (SELECT 1 FROM {StageName} d WHERE {KeyMatch("d", StageName)} AND d.id < {StageName}.id)", cancellationToken);
    }

    /// <summary>
    /// Replaces the warehouse lines of the same natural keys by the staged ones, in the load's transaction.
    /// A replaced line keeps its id; a new line gets one above the current maximum; a line identical to the
    /// warehouse's version is left as it is (it still counts as replaced). When the lines to write are a large
    /// share of the table (<see cref="BulkShare"/>), the fact table's indexes (and foreign keys on PostgreSQL) are
    /// dropped for the delete and insert and built again afterwards, in the same transaction.
    /// </summary>
    public async Task PublishAsync(CancellationToken cancellationToken)
    {
        if (!session.IsSqlite)
        {
            // Temporary tables are never analysed automatically: without statistics the planner guesses the
            // stage's size and picks nested loops for the joins below.
            await session.ExecuteAsync($"ANALYZE {StageName}", cancellationToken);
        }

        var fact = await session.RowInt64Async($"SELECT MAX(id), COUNT(*) FROM {FactName}", cancellationToken);
        var (max, held) = (fact[0], fact[1]);
        var staged = await session.ScalarInt64Async($"SELECT COUNT(*) FROM {StageName}", cancellationToken);
        // The staged lines whose key the warehouse holds, with that line's id and whether it is identical: a small
        // table of integers, filled by one join (not one index probe per line) without rewriting the wide staged
        // rows. A weekly extract repeats most of the previous one; identical lines are not written again.
        var same = string.Join(" AND ", Fact.Columns.Where(c => c.Name != "id").Select(c => session.IsSqlite
            ? $"f.{session.Quote(c.Name)} IS s.{session.Quote(c.Name)}"
            : $"f.{session.Quote(c.Name)} IS NOT DISTINCT FROM s.{session.Quote(c.Name)}"));
        var matches = $"SELECT s.id, f.id, CASE WHEN {same} THEN 1 ELSE 0 END FROM {StageName} s JOIN {FactName} f ON {KeyMatch("f", "s")}";
        if (session.IsSqlite)
        {
            await session.ExecuteAsync($"DROP TABLE IF EXISTS temp.{IdsName}", cancellationToken);
            await session.ExecuteAsync($"CREATE TEMP TABLE {IdsName} (line INTEGER PRIMARY KEY, fact_id INTEGER NOT NULL, unchanged INTEGER NOT NULL)", cancellationToken);
            await session.ExecuteAsync($"INSERT INTO {IdsName} (line, fact_id, unchanged) {matches}", cancellationToken);
        }
        else
        {
            await session.ExecuteAsync($"CREATE TEMP TABLE {IdsName} (line BIGINT PRIMARY KEY, fact_id BIGINT NOT NULL, unchanged INTEGER NOT NULL) ON COMMIT DROP", cancellationToken);
            await session.ExecuteAsync($"INSERT INTO {IdsName} (line, fact_id, unchanged) {matches}", cancellationToken);
            await session.ExecuteAsync($"ANALYZE {IdsName}", cancellationToken);
        }

        var matched = await session.RowInt64Async($"SELECT COUNT(*), SUM(unchanged) FROM {IdsName}", cancellationToken);
        session.RowsReplaced = matched[0];
        var written = staged - matched[1];
        if (written == 0)
        {
            session.Step(LoadStep.Publish);
        }
        else if (written * BulkShare >= held)
        {
            await session.Writer.WithoutIndexesAsync(Fact, () => ReplaceAsync(max, cancellationToken), cancellationToken);
        }
        else
        {
            await ReplaceAsync(max, cancellationToken);
        }
    }

    /// <summary>
    /// Deletes the warehouse lines being replaced by a different version, then inserts every staged line that is
    /// new or different under its final id.
    /// </summary>
    private async Task ReplaceAsync(long max, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(
            $"DELETE FROM {FactName} WHERE id IN (SELECT fact_id FROM {IdsName} WHERE unchanged = 0)", cancellationToken);
        session.Step(LoadStep.Publish);
        var columns = Fact.Columns.Select(c => session.Quote(c.Name)).ToList();
        var values = columns.Select(c => c == session.Quote("id") ? "COALESCE(i.fact_id, s.id + @max)" : "s." + c);
        await session.ExecuteAsync(
            $"INSERT INTO {FactName} ({string.Join(", ", columns)}) SELECT {string.Join(", ", values)} FROM {StageName} s "
            + $"LEFT JOIN {IdsName} i ON i.line = s.id WHERE i.line IS NULL OR i.unchanged = 0",
            cancellationToken, ("max", max));
    }

    /// <summary>
    /// Compares what the warehouse now holds for the loaded keys with the control totals of the file
    /// (row count and Σ amount per exercice); any gap fails the load.
    /// </summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        session.Step(LoadStep.Reconcile);
        var held = new Dictionary<int, (long Rows, decimal Amount)>();
        await using (var command = session.Command(
            $"SELECT f.{session.Quote(exerciceColumn)}, COUNT(*), {session.SumCents("f." + session.Quote(amountColumn))} FROM {FactName} f "
            + $"WHERE EXISTS (SELECT 1 FROM {StageName} s WHERE {KeyMatch("f", "s")}) GROUP BY f.{session.Quote(exerciceColumn)}"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                held[reader.GetInt32(0)] = (reader.GetInt64(1), reader.GetInt64(2) / 100m);
            }
        }

        var expected = session.ControlTotals.Where(t => t.Rows != 0).ToDictionary(t => t.Exercice, t => (t.Rows, t.Amount));
        foreach (var exercice in expected.Keys.Union(held.Keys))
        {
            var want = expected.GetValueOrDefault(exercice);
            var got = held.GetValueOrDefault(exercice);
            if (want != got)
            {
                throw new LoadException(string.Create(CultureInfo.InvariantCulture,
                    $"Reconciliation failed for exercice {exercice}: the file gives {want.Rows} lines for {want.Amount:0.00}, the warehouse holds {got.Rows} lines for {got.Amount:0.00}; nothing was loaded."));
            }
        }
    }

    public async Task DropAsync(CancellationToken cancellationToken)
    {
        if (session.IsSqlite)
        {
            await session.ExecuteAsync($"DROP TABLE IF EXISTS temp.{StageName}", cancellationToken);
            await session.ExecuteAsync($"DROP TABLE IF EXISTS temp.{IdsName}", cancellationToken);
        }
    }
}
