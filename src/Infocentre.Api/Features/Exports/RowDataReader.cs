using System.Collections;
using System.Collections.ObjectModel;
using System.Data.Common;
using System.Globalization;

namespace Infocentre.Api.Features.Exports;

/// <summary>
/// The rows of an export as a forward-only <see cref="DbDataReader"/>, for the CSV writer: one row at a time from
/// the database reader, texts neutralised against formula injection, an optional totals row at the end.
/// </summary>
internal sealed class RowDataReader : DbDataReader, IDbColumnSchemaGenerator
{
    private readonly IAsyncEnumerator<object> _rows;
    private readonly IReadOnlyList<ExportColumn> _columns;
    private readonly RowAccessor _accessor;
    private readonly bool _totals;
    private readonly decimal[] _sums;
    private readonly object?[] _current;
    private bool _done;
    private bool _totalsWritten;
    private bool _closed;

    public RowDataReader(IAsyncEnumerator<object> rows, Type rowType, IReadOnlyList<ExportColumn> columns, bool totals)
    {
        _rows = rows;
        _columns = columns;
        _accessor = RowAccessor.For(rowType, columns);
        _totals = totals;
        _sums = new decimal[columns.Count];
        _current = new object?[columns.Count];
    }

    /// <summary>Data rows read so far (the totals row excluded).</summary>
    public long Rows { get; private set; }

    public override int FieldCount => _columns.Count;

    public override int Depth => 0;

    public override bool HasRows => true;

    public override bool IsClosed => _closed;

    public override int RecordsAffected => -1;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override string GetName(int ordinal) => FormulaGuard.Neutralise(_columns[ordinal].Label)!;

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            if (string.Equals(_columns[i].Label, name, StringComparison.Ordinal) || string.Equals(_columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(name), name, "No such column.");
    }

    public override Type GetFieldType(int ordinal) => _columns[ordinal].Kind switch
    {
        ExportValueKind.Text or ExportValueKind.Other => typeof(string),
        ExportValueKind.WholeNumber => typeof(long),
        ExportValueKind.DecimalNumber => typeof(decimal),
        ExportValueKind.FloatingNumber => typeof(double),
        ExportValueKind.Date => typeof(DateOnly),
        ExportValueKind.DateTime => typeof(DateTime),
        ExportValueKind.Boolean => typeof(bool),
        _ => typeof(string),
    };

    public override string GetDataTypeName(int ordinal) => GetFieldType(ordinal).Name;

    public override bool Read() => throw new NotSupportedException("Exports read rows asynchronously only.");

    public override async Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (!_done && await _rows.MoveNextAsync())
        {
            var row = _rows.Current;
            for (var i = 0; i < _current.Length; i++)
            {
                _current[i] = _accessor.Values[i](row);
                if (_totals && _accessor.Numbers[i] is { } number && number(row) is { } value)
                {
                    _sums[i] += value;
                }
            }

            Rows++;
            return true;
        }

        _done = true;
        if (_totals && !_totalsWritten)
        {
            _totalsWritten = true;
            var label = _columns.Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Kind == ExportValueKind.Text && !x.c.Summable);
            for (var i = 0; i < _current.Length; i++)
            {
                _current[i] = _columns[i].Summable ? _sums[i] : label.c is not null && label.i == i ? "Total" : null;
            }

            return true;
        }

        return false;
    }

    public override bool NextResult() => false;

    public override bool IsDBNull(int ordinal) => _current[ordinal] is null;

    public override object GetValue(int ordinal) => _columns[ordinal].Kind switch
    {
        _ when _current[ordinal] is null => DBNull.Value,
        ExportValueKind.Text or ExportValueKind.Other => GetString(ordinal),
        ExportValueKind.WholeNumber => GetInt64(ordinal),
        ExportValueKind.DecimalNumber => GetDecimal(ordinal),
        ExportValueKind.FloatingNumber => GetDouble(ordinal),
        ExportValueKind.Date => GetFieldValue<DateOnly>(ordinal),
        ExportValueKind.DateTime => GetDateTime(ordinal),
        ExportValueKind.Boolean => GetBoolean(ordinal),
        _ => GetString(ordinal),
    };

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, _current.Length);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    public override T GetFieldValue<T>(int ordinal)
    {
        var value = _current[ordinal];
        if (typeof(T) == typeof(DateOnly) && value is DateTime dateTime)
        {
            return (T)(object)DateOnly.FromDateTime(dateTime);
        }

        return value is T typed ? typed : (T)GetValue(ordinal);
    }

    public override string GetString(int ordinal) =>
        FormulaGuard.Neutralise(Convert.ToString(_current[ordinal], CultureInfo.InvariantCulture)) ?? "";

    public override bool GetBoolean(int ordinal) => Convert.ToBoolean(_current[ordinal], CultureInfo.InvariantCulture);

    public override byte GetByte(int ordinal) => Convert.ToByte(_current[ordinal], CultureInfo.InvariantCulture);

    public override char GetChar(int ordinal) => Convert.ToChar(_current[ordinal], CultureInfo.InvariantCulture);

    public override DateTime GetDateTime(int ordinal) => _current[ordinal] switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        var value => Convert.ToDateTime(value, CultureInfo.InvariantCulture),
    };

    public override decimal GetDecimal(int ordinal) => Convert.ToDecimal(_current[ordinal], CultureInfo.InvariantCulture);

    public override double GetDouble(int ordinal) => Convert.ToDouble(_current[ordinal], CultureInfo.InvariantCulture);

    public override float GetFloat(int ordinal) => Convert.ToSingle(_current[ordinal], CultureInfo.InvariantCulture);

    public override Guid GetGuid(int ordinal) => _current[ordinal] is Guid guid ? guid : Guid.Parse(GetString(ordinal));

    public override short GetInt16(int ordinal) => Convert.ToInt16(_current[ordinal], CultureInfo.InvariantCulture);

    public override int GetInt32(int ordinal) => Convert.ToInt32(_current[ordinal], CultureInfo.InvariantCulture);

    public override long GetInt64(int ordinal) => Convert.ToInt64(_current[ordinal], CultureInfo.InvariantCulture);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null)
        {
            return text.Length;
        }

        var count = (int)Math.Max(0, Math.Min(length, text.Length - dataOffset));
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    public override IEnumerator GetEnumerator() => throw new NotSupportedException();

    /// <summary>The schema the CSV writer reads first: names (labels), types, every column nullable.</summary>
    public ReadOnlyCollection<DbColumn> GetColumnSchema() =>
        _columns.Select((c, i) => (DbColumn)new Column(GetName(i), i, GetFieldType(i))).ToList().AsReadOnly();

    public override void Close() => _closed = true;

    private sealed class Column : DbColumn
    {
        public Column(string name, int ordinal, Type type)
        {
            ColumnName = name;
            ColumnOrdinal = ordinal;
            DataType = type;
            DataTypeName = type.Name;
            AllowDBNull = true;
        }
    }
}
