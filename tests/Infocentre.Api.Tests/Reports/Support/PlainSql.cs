using System.Data.Common;
using System.Globalization;
using Infocentre.Warehouse;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Infocentre.Api.Tests.Reports.Support;

/// <summary>
/// Plain ADO.NET over the same warehouse the service reads, to compute expected results independently of the
/// engine (no EF Core, no reporting views unless a test says so). Values come back normalised so that SQLite
/// (decimals as TEXT, booleans as INTEGER, dates as TEXT) and PostgreSQL compare alike.
/// </summary>
internal static class PlainSql
{
    /// <summary>Runs <paramref name="sql"/> (parameters written @name on both engines) and returns every row.</summary>
    public static async Task<List<SqlRow>> QueryAsync(WarehouseOptions warehouse, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = Open(warehouse);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<SqlRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values[reader.GetName(i)] = await reader.IsDBNullAsync(i) ? null : reader.GetValue(i);
            }

            rows.Add(new SqlRow(values));
        }

        return rows;
    }

    public static async Task<object?> ScalarAsync(WarehouseOptions warehouse, string sql, params (string Name, object Value)[] parameters)
    {
        var rows = await QueryAsync(warehouse, sql, parameters);
        var row = Assert.Single(rows);
        return row.Values.Values.Single();
    }

    private static DbConnection Open(WarehouseOptions warehouse) => warehouse.Provider switch
    {
        WarehouseProvider.Sqlite => new SqliteConnection(warehouse.ConnectionString),
        WarehouseProvider.PostgreSql => new NpgsqlConnection(warehouse.ConnectionString),
        _ => throw new NotSupportedException(warehouse.Provider.ToString()),
    };
}

/// <summary>One row of a plain SQL result, with typed, engine-neutral accessors.</summary>
internal sealed class SqlRow(IReadOnlyDictionary<string, object?> values)
{
    public IReadOnlyDictionary<string, object?> Values { get; } = values;

    public object? this[string column] => Values.TryGetValue(column, out var v) ? v : throw new KeyNotFoundException(column);

    public string? Text(string column) => this[column] switch
    {
        null => null,
        string s => s,
        var v => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    /// <summary>An exact decimal: SQLite keeps EF Core decimals as TEXT, so they are parsed, never summed in SQL.</summary>
    public decimal? Decimal(string column) => SqlValue.ToDecimal(this[column]);

    public decimal Amount(string column) => Decimal(column) ?? 0m;

    public long? Long(string column) => this[column] switch
    {
        null => null,
        string s => long.Parse(s, CultureInfo.InvariantCulture),
        var v => Convert.ToInt64(v, CultureInfo.InvariantCulture),
    };

    public bool Bool(string column) => this[column] switch
    {
        bool b => b,
        long l => l != 0,
        int i => i != 0,
        string s => s is "1" or "true" or "True",
        var v => throw new InvalidCastException($"{column}: {v}"),
    };

    /// <summary>A date as yyyy-MM-dd (SQLite stores it so; PostgreSQL returns a DateTime or DateOnly).</summary>
    public string? Date(string column) => this[column] switch
    {
        null => null,
        string s => s[..10],
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        var v => throw new InvalidCastException($"{column}: {v}"),
    };
}

internal static class SqlValue
{
    public static decimal? ToDecimal(object? value) => value switch
    {
        null => null,
        decimal d => d,
        string s => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
        double d => (decimal)d,
        var v => Convert.ToDecimal(v, CultureInfo.InvariantCulture),
    };
}
