using System.Text;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Infocentre.Warehouse.Bulk;

/// <summary>
/// PostgreSQL: binary <c>COPY ... FROM STDIN</c> per table inside the load's transaction; every value is
/// written with the store type name of its EF Core type mapping ("numeric", "date", "character varying"...).
/// With <see cref="BulkWriterOptions.RebuildIndexes"/>, the table's secondary indexes and outgoing foreign keys
/// are read from the catalog, dropped before the COPY and created again after it, in the same transaction:
/// each foreign key is then validated by one query instead of a trigger per row, and each index built by
/// one sort. Nothing is committed unless every constraint holds.
/// </summary>
public sealed class NpgsqlBulkWriter : BulkWriter
{
    internal NpgsqlBulkWriter(WarehouseDbContext db, BulkWriterOptions options)
        : base(db, options)
    {
    }

    protected override async Task AfterTransactionStartedAsync(CancellationToken cancellationToken)
    {
        // Memory for the index builds after each COPY; SET LOCAL: this transaction only.
        await ExecuteAsync("SET LOCAL maintenance_work_mem = '256MB'", cancellationToken);
        // The load's joins over a million staged lines are planned above PostgreSQL's JIT thresholds, and compiling
        // them cost more than it saved (docs/performance.md, "Loading").
        await ExecuteAsync("SET LOCAL jit = off", cancellationToken);
    }

    protected override async Task<long> WriteCoreAsync<T>(
        BulkTable table, IEnumerable<T> rows, Action<long>? progress, CancellationToken cancellationToken)
    {
        if (!Options.RebuildIndexes)
        {
            return await CopyAsync(table, rows, progress, cancellationToken);
        }

        long written = 0;
        await WithoutIndexesAsync(table, async () => written = await CopyAsync(table, rows, progress, cancellationToken), cancellationToken);
        progress?.Invoke(written); // the table is done once its indexes and constraints are back
        return written;
    }

    /// <summary>The indexes that no constraint owns, and the outgoing foreign keys (validated again by one query each).</summary>
    protected override async Task<IReadOnlyList<string>> DropIndexesAsync(BulkTable table, CancellationToken cancellationToken)
    {
        var name = Db.GetService<ISqlGenerationHelper>().DelimitIdentifier(table.Name, table.Schema);
        var indexes = await ReadAsync(
            """
            SELECT quote_ident(n.nspname) || '.' || quote_ident(i.relname), pg_get_indexdef(i.oid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_namespace n ON n.oid = i.relnamespace
            WHERE x.indrelid = CAST(@table AS regclass) AND NOT x.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
            """, name, cancellationToken);
        var foreignKeys = await ReadAsync(
            """
            SELECT quote_ident(conname), pg_get_constraintdef(oid)
            FROM pg_constraint WHERE conrelid = CAST(@table AS regclass) AND contype = 'f'
            """, name, cancellationToken);

        foreach (var (constraint, _) in foreignKeys)
        {
            await ExecuteAsync($"ALTER TABLE {name} DROP CONSTRAINT {constraint}", cancellationToken);
        }

        foreach (var (index, _) in indexes)
        {
            await ExecuteAsync($"DROP INDEX {index}", cancellationToken);
        }

        return [.. indexes.Select(i => i.Definition), .. foreignKeys.Select(f => $"ALTER TABLE {name} ADD CONSTRAINT {f.Name} {f.Definition}")];
    }

    private async Task<List<(string Name, string Definition)>> ReadAsync(string sql, string table, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(sql);
        var parameter = command.CreateParameter();
        parameter.ParameterName = "table";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        var result = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add((reader.GetString(0), reader.GetString(1)));
        }

        return result;
    }

    private async Task<long> CopyAsync<T>(
        BulkTable table, IEnumerable<T> rows, Action<long>? progress, CancellationToken cancellationToken)
        where T : class
    {
        var sql = Db.GetService<ISqlGenerationHelper>();
        var columns = table.Columns;
        var typeNames = columns.Select(c => c.Mapping.StoreTypeNameBase).ToArray();
        var copy = new StringBuilder("COPY ")
            .Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))
            .Append(") FROM STDIN (FORMAT BINARY)")
            .ToString();

        var connection = (NpgsqlConnection)Connection;
        long written = 0;
        long reported = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = columns[c].GetProviderValue(row);
                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(value, typeNames[c], cancellationToken);
                    }
                }

                written++;
                Report(progress, written, ref reported);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        progress?.Invoke(written);
        return written;
    }
}
