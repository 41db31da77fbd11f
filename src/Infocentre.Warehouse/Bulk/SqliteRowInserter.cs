using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Infocentre.Warehouse.Bulk;

/// <summary>
/// A one-row INSERT prepared once on the connection's native handle and bound by position. Through ADO.NET,
/// Microsoft.Data.Sqlite looks every parameter up by name and re-encodes it at each execution, which was most
/// of the cost of a bulk insert (docs/performance.md, "Loading"). Values are stored exactly as
/// Microsoft.Data.Sqlite stores them (decimal as text "0.0###…", DateOnly as "yyyy-MM-dd", integers and
/// booleans as INTEGER); a column of any other provider type, or another SQLite library than the bundled one,
/// makes <see cref="TryCreate"/> decline, and the caller then uses the ADO.NET path.
/// </summary>
internal sealed class SqliteRowInserter : IDisposable
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;
    private readonly IntPtr handle;
    private readonly IReadOnlyList<BulkColumn> columns;
    private readonly Kind[] kinds;
    private readonly char[] chars = new char[64];
    private byte[] bytes = new byte[256];

    private SqliteRowInserter(sqlite3 db, sqlite3_stmt statement, IReadOnlyList<BulkColumn> columns, Kind[] kinds)
    {
        this.db = db;
        this.statement = statement;
        // Held until Dispose, so that the raw pointer the binds use stays valid.
        var added = false;
        statement.DangerousAddRef(ref added);
        handle = statement.DangerousGetHandle();
        this.columns = columns;
        this.kinds = kinds;
    }

    private enum Kind
    {
        Text,
        Integer,
        Real,
        Decimal,
        Date,
    }

    /// <summary>Prepares the INSERT for <paramref name="table"/>, or returns null if a column's type is not handled here.</summary>
    public static SqliteRowInserter? TryCreate(SqliteConnection connection, BulkTable table, string insertSql)
    {
        var kinds = new Kind[table.Columns.Count];
        for (var c = 0; c < kinds.Length; c++)
        {
            var mapping = table.Columns[c].Mapping;
            var type = mapping.Converter?.ProviderClrType ?? table.Columns[c].Property.GetValueConverter()?.ProviderClrType ?? mapping.ClrType;
            type = Nullable.GetUnderlyingType(type) ?? type;
            Kind? kind = type switch
            {
                _ when type == typeof(string) => Kind.Text,
                _ when type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte)
                    || type == typeof(sbyte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(bool) => Kind.Integer,
                _ when type == typeof(double) || type == typeof(float) => Kind.Real,
                _ when type == typeof(decimal) => Kind.Decimal,
                _ when type == typeof(DateOnly) => Kind.Date,
                _ => null,
            };
            if (kind is null)
            {
                return null;
            }

            kinds[c] = kind.Value;
        }

        if (!SqliteNativeBind.IsTheProvidersLibrary())
        {
            return null;
        }

        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var rc = raw.sqlite3_prepare_v2(handle, insertSql, out var statement);
        Check(handle, rc);
        return new SqliteRowInserter(handle, statement, table.Columns, kinds);
    }

    /// <summary>Inserts one row (in the connection's current transaction).</summary>
    public void Insert(object row)
    {
        for (var c = 0; c < kinds.Length; c++)
        {
            var value = columns[c].GetProviderValue(row);
            var index = c + 1;
            var rc = value is null ? SqliteNativeBind.Null(handle, index) : kinds[c] switch
            {
                Kind.Text => BindText(index, ((string)value).AsSpan()),
                Kind.Integer => SqliteNativeBind.Int64(handle, index, Integer(value)),
                Kind.Real => SqliteNativeBind.Double(handle, index, Real(value)),
                Kind.Decimal => BindText(index, StoredText.Format((decimal)value, chars)),
                _ => BindText(index, StoredText.Format((DateOnly)value, chars)),
            };
            Check(db, rc);
        }

        var step = raw.sqlite3_step(statement);
        var reset = raw.sqlite3_reset(statement);
        if (step != raw.SQLITE_DONE)
        {
            Check(db, reset == raw.SQLITE_OK ? step : reset);
        }
    }

    public void Dispose()
    {
        statement.DangerousRelease();
        statement.Dispose();
    }

    private static long Integer(object value) => value switch
    {
        int i => i,
        long l => l,
        short s => s,
        bool b => b ? 1 : 0,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    private static double Real(object value)
    {
        var real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        return double.IsNaN(real) ? throw new InvalidOperationException("Cannot store NaN in SQLite.") : real;
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
        }
    }

    private int BindText(int index, ReadOnlySpan<char> text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (bytes.Length < length)
        {
            bytes = new byte[Math.Max(length, bytes.Length * 2)];
        }

        var written = Encoding.UTF8.GetBytes(text, bytes);
        return SqliteNativeBind.Text(handle, index, bytes.AsSpan(0, written));
    }
}
