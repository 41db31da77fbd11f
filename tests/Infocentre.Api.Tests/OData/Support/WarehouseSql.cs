using System.Data.Common;
using System.Globalization;
using Infocentre.Warehouse;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Infocentre.Api.Tests.OData.Support;

/// <summary>Plain ADO.NET over the warehouse a service reads: expected results computed without EF Core nor OData.</summary>
internal static class WarehouseSql
{
    /// <summary>Every row of <paramref name="sql"/>, values as the driver returns them.</summary>
    public static async Task<List<object?[]>> QueryAsync(WarehouseOptions warehouse, string sql)
    {
        await using var connection = Open(warehouse);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = await reader.IsDBNullAsync(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public static async Task ExecuteAsync(WarehouseOptions warehouse, string sql)
    {
        await using var connection = Open(warehouse);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>An exact decimal (SQLite keeps EF Core decimals as TEXT).</summary>
    public static decimal ToDecimal(object? value) => value switch
    {
        null => 0m,
        decimal d => d,
        string s => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A date (SQLite keeps them as TEXT yyyy-MM-dd, PostgreSQL as date).</summary>
    public static DateOnly? ToDate(object? value) => value switch
    {
        null => null,
        DateOnly d => d,
        DateTime d => DateOnly.FromDateTime(d),
        string s => DateOnly.Parse(s, CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"Not a date: {value}"),
    };

    private static DbConnection Open(WarehouseOptions warehouse) => warehouse.Provider switch
    {
        WarehouseProvider.Sqlite => new SqliteConnection(warehouse.ConnectionString),
        WarehouseProvider.PostgreSql => new NpgsqlConnection(warehouse.ConnectionString),
        _ => throw new NotSupportedException(warehouse.Provider.ToString()),
    };
}
