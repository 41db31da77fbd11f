using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Infocentre.Warehouse.Bulk;

/// <summary>
/// SQLite: one transaction, a prepared INSERT re-executed per row (bound by position on the native statement,
/// see <see cref="SqliteRowInserter"/>) or per few rows (ADO.NET parameters), <c>synchronous=OFF</c>,
/// WAL and a larger page cache for the duration of the load (temporary storage stays on disk, so that the
/// index builds of a 10-million-row load do not sort in memory); each table's
/// secondary indexes are dropped while it loads and created again right after; foreign keys are checked
/// row by row, or optionally once at the end with <c>PRAGMA foreign_key_check</c>. The previous session
/// settings are restored afterwards.
/// </summary>
public sealed class SqliteBulkWriter : InsertBatchBulkWriter
{
    // SQLITE_MAX_VARIABLE_NUMBER is 32766 since SQLite 3.32 (the bundled e_sqlite3 is newer).
    private const int SqliteMaxParameters = 32_766;

    private long? previousSynchronous;
    private long? previousCacheSize;
    private long? previousForeignKeys;
    private long? previousMmap;

    internal SqliteBulkWriter(WarehouseDbContext db, BulkWriterOptions options)
        : base(db, options)
    {
    }

    protected override int MaxParameters => SqliteMaxParameters;

    protected override int DefaultRowsPerStatement => 1;

    protected override async Task BeforeTransactionAsync(CancellationToken cancellationToken)
    {
        previousSynchronous = (long?)await ScalarAsync("PRAGMA synchronous", cancellationToken);
        previousCacheSize = (long?)await ScalarAsync("PRAGMA cache_size", cancellationToken);
        previousForeignKeys = (long?)await ScalarAsync("PRAGMA foreign_keys", cancellationToken);
        previousMmap = (long?)await ScalarAsync("PRAGMA mmap_size", cancellationToken);
        await ExecuteAsync("PRAGMA journal_mode=WAL", cancellationToken);
        await ExecuteAsync("PRAGMA synchronous=OFF", cancellationToken);
        await ExecuteAsync(
            "PRAGMA cache_size=" + (-Math.Max(2_000, Options.SqliteCacheKib)).ToString(CultureInfo.InvariantCulture),
            cancellationToken);
        // A load reads through its page cache, not a mapping of the whole file (Warehouse:SqliteMmapMiB): the
        // mapped pages count in the process's memory, which a load keeps flat, and writes gain nothing from it.
        await ExecuteAsync("PRAGMA mmap_size=0", cancellationToken);
        // Has no effect inside a transaction, hence before it. ON explicitly, whatever the connection string says.
        await ExecuteAsync(Options.DeferForeignKeyChecks ? "PRAGMA foreign_keys=OFF" : "PRAGMA foreign_keys=ON", cancellationToken);
    }

    protected override async Task<long> WriteCoreAsync<T>(
        BulkTable table, IEnumerable<T> rows, Action<long>? progress, CancellationToken cancellationToken)
    {
        if (!Options.RebuildIndexes)
        {
            return await InsertAsync(table, rows, progress, cancellationToken);
        }

        // One sort per index instead of a random B-tree insert per row.
        long written = 0;
        await WithoutIndexesAsync(table, async () => written = await InsertAsync(table, rows, progress, cancellationToken), cancellationToken);
        progress?.Invoke(written); // the table is done once its indexes are back
        return written;
    }

    /// <summary>
    /// The secondary indexes are those with DDL in sqlite_master (not the primary key); unique indexes are
    /// checked when they are created again.
    /// </summary>
    protected override async Task<IReadOnlyList<string>> DropIndexesAsync(BulkTable table, CancellationToken cancellationToken)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var command = CreateCommand("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL"))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$table";
            parameter.Value = table.Name;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync("DROP INDEX \"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", cancellationToken);
        }

        return [.. indexes.Select(i => i.Sql)];
    }

    /// <summary>
    /// One row at a time through a natively prepared statement bound by position (<see cref="SqliteRowInserter"/>),
    /// unless a batch size was asked for or a column type is not handled there.
    /// </summary>
    private async Task<long> InsertAsync<T>(BulkTable table, IEnumerable<T> rows, Action<long>? progress, CancellationToken cancellationToken)
        where T : class
    {
        if (Options.RowsPerStatement is > 1)
        {
            return await base.WriteCoreAsync(table, rows, progress, cancellationToken);
        }

        var sql = Db.GetService<ISqlGenerationHelper>();
        var insert = new StringBuilder("INSERT INTO ")
            .Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (")
            .AppendJoin(", ", table.Columns.Select(c => sql.DelimitIdentifier(c.Name)))
            .Append(") VALUES (")
            .AppendJoin(", ", table.Columns.Select(_ => "?"))
            .Append(')')
            .ToString();
        using var inserter = SqliteRowInserter.TryCreate((SqliteConnection)Connection, table, insert);
        if (inserter is null)
        {
            return await base.WriteCoreAsync(table, rows, progress, cancellationToken);
        }

        long written = 0;
        long reported = 0;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            inserter.Insert(row);
            written++;
            Report(progress, written, ref reported);
        }

        progress?.Invoke(written);
        return written;
    }

    protected override async Task BeforeCommitAsync(CancellationToken cancellationToken)
    {
        if (!Options.DeferForeignKeyChecks)
        {
            return;
        }

        await using var command = CreateCommand("PRAGMA foreign_key_check");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var violations = new StringBuilder();
        var count = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (count++ < 10)
            {
                // table, rowid, parent table, foreign key index
                violations.Append(CultureInfo.InvariantCulture, $"\n  {reader.GetValue(0)} rowid {reader.GetValue(1)} -> {reader.GetValue(2)} (fk #{reader.GetValue(3)})");
            }
        }

        if (count > 0)
        {
            throw new InvalidOperationException(
                $"The load breaks {count} foreign key(s); nothing was committed. First violations:{violations}");
        }
    }

    protected override async Task RestoreSessionAsync()
    {
        try
        {
            if (Connection.State == System.Data.ConnectionState.Open)
            {
                await Restore("synchronous", previousSynchronous);
                await Restore("cache_size", previousCacheSize);
                await Restore("foreign_keys", previousForeignKeys);
                await Restore("mmap_size", previousMmap);
            }
        }
        finally
        {
            NativeHeap.Trim();
        }
    }

    private async Task Restore(string pragma, long? value)
    {
        if (value is { } v)
        {
            await ExecuteAsync($"PRAGMA {pragma}={v.ToString(CultureInfo.InvariantCulture)}", CancellationToken.None);
        }
    }
}
