using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Infocentre.Warehouse.Bulk;

/// <summary>
/// Bulk load through one prepared multi-row <c>INSERT ... VALUES (...), (...)</c> per table, re-executed
/// with new parameter values. Parameters are created by each column's <see cref="RelationalTypeMapping"/>,
/// so values are stored exactly as EF Core stores them (decimal text on SQLite, dates, booleans...).
/// </summary>
public abstract class InsertBatchBulkWriter : BulkWriter
{
    private protected InsertBatchBulkWriter(WarehouseDbContext db, BulkWriterOptions options)
        : base(db, options)
    {
    }

    /// <summary>Largest number of parameters one statement may carry on this engine.</summary>
    protected abstract int MaxParameters { get; }

    /// <summary>Largest number of rows one VALUES clause may carry on this engine.</summary>
    protected virtual int MaxRowsPerStatement => int.MaxValue;

    /// <summary>Rows per statement when <see cref="BulkWriterOptions.RowsPerStatement"/> is not set.</summary>
    protected abstract int DefaultRowsPerStatement { get; }

    protected override async Task<long> WriteCoreAsync<T>(
        BulkTable table, IEnumerable<T> rows, Action<long>? progress, CancellationToken cancellationToken)
    {
        var columns = table.Columns;
        var width = columns.Count;
        var wanted = Options.RowsPerStatement ?? DefaultRowsPerStatement;
        var batchRows = Math.Max(1, Math.Min(Math.Min(wanted, MaxRowsPerStatement), MaxParameters / width));
        var sql = Db.GetService<ISqlGenerationHelper>();

        DbCommand? full = null;
        var buffer = new T[batchRows];
        var buffered = 0;
        long written = 0;
        long reported = 0;
        try
        {
            foreach (var row in rows)
            {
                buffer[buffered++] = row;
                if (buffered < batchRows)
                {
                    continue;
                }

                full ??= Prepare(sql, table, batchRows);
                Bind(full, columns, buffer, buffered);
                await full.ExecuteNonQueryAsync(cancellationToken);
                written += buffered;
                buffered = 0;
                Report(progress, written, ref reported);
            }

            if (buffered > 0)
            {
                await using var tail = Prepare(sql, table, buffered);
                Bind(tail, columns, buffer, buffered);
                await tail.ExecuteNonQueryAsync(cancellationToken);
                written += buffered;
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }

        progress?.Invoke(written);
        return written;
    }

    private DbCommand Prepare(ISqlGenerationHelper sql, BulkTable table, int rowCount)
    {
        var columns = table.Columns;
        var text = new StringBuilder("INSERT INTO ")
            .Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))
            .Append(") VALUES ");
        var command = CreateCommand(string.Empty);
        var index = 0;
        for (var r = 0; r < rowCount; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++, index++)
            {
                var name = "p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (c > 0)
                {
                    text.Append(", ");
                }

                text.Append(sql.GenerateParameterNamePlaceholder(name));
                var parameter = columns[c].Mapping.CreateParameter(
                    command, sql.GenerateParameterName(name), value: null, nullable: columns[c].Property.IsNullable);
                command.Parameters.Add(parameter);
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        command.Prepare();
        return command;
    }

    private static void Bind<T>(DbCommand command, IReadOnlyList<BulkColumn> columns, T[] rows, int rowCount)
        where T : class
    {
        var parameters = command.Parameters;
        var index = 0;
        for (var r = 0; r < rowCount; r++)
        {
            var row = rows[r];
            for (var c = 0; c < columns.Count; c++, index++)
            {
                parameters[index].Value = columns[c].GetProviderValue(row) ?? DBNull.Value;
            }
        }
    }
}
