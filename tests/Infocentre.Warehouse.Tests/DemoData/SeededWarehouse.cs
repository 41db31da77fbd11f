using System.Data.Common;
using Infocentre.Warehouse.DemoData;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Infocentre.Warehouse.Tests.DemoData;

/// <summary>The SQL spellings the invariant queries need on each engine. Amounts are compared in integer cents.</summary>
public sealed class SqlFlavor
{
    private SqlFlavor(bool isSqlite) => IsSqlite = isSqlite;

    public static SqlFlavor Sqlite { get; } = new(true);

    public static SqlFlavor PostgreSql { get; } = new(false);

    public bool IsSqlite { get; }

    /// <summary>An amount in integer cents (EF stores decimals as TEXT on SQLite).</summary>
    public string Cents(string amount) => IsSqlite
        ? $"CAST(ROUND(CAST({amount} AS REAL) * 100) AS INTEGER)"
        : $"CAST(ROUND({amount} * 100) AS BIGINT)";

    public string Year(string date) => IsSqlite ? $"CAST(strftime('%Y', {date}) AS INTEGER)" : $"CAST(EXTRACT(YEAR FROM {date}) AS INTEGER)";

    public string Month(string date) => IsSqlite ? $"CAST(strftime('%m', {date}) AS INTEGER)" : $"CAST(EXTRACT(MONTH FROM {date}) AS INTEGER)";

    public string MonthDay(string date) => IsSqlite ? $"strftime('%m-%d', {date})" : $"to_char({date}, 'MM-DD')";

    public string DaysBetween(string from, string to) => IsSqlite
        ? $"CAST(ROUND(julianday({to}) - julianday({from})) AS INTEGER)"
        : $"({to} - {from})";

    public string IsDigits(string text, int length) => IsSqlite
        ? $"(length({text}) = {length} AND {text} NOT GLOB '*[^0-9]*')"
        : $"({text} ~ '^[0-9]{{{length}}}$')";

    public string True => IsSqlite ? "1" : "TRUE";
}

/// <summary>A seeded warehouse the tests query with plain SQL.</summary>
public abstract class SeededWarehouse : IAsyncLifetime
{
    public SeedSummary Summary { get; protected set; } = null!;

    public abstract SqlFlavor Flavor { get; }

    public abstract WarehouseOptions Options { get; }

    public abstract DbConnection NewConnection();

    public WarehouseDbContext CreateContext() => WarehouseDatabase.CreateContext(Options);

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    public async Task<DbConnection> OpenAsync()
    {
        var connection = NewConnection();
        await connection.OpenAsync();
        return connection;
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return await command.ExecuteScalarAsync();
    }

    public async Task<long> CountAsync(string sql) =>
        Convert.ToInt64(await ScalarAsync(sql) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);

    public async Task<List<object?[]>> RowsAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}

/// <summary>A SQLite warehouse in a unique temporary file, deleted (with its WAL files) on dispose.</summary>
public class SqliteSeededWarehouse(DemoSize size) : SeededWarehouse
{
    public string FilePath { get; } = Path.Combine(
        Path.GetTempPath(), $"infocentre-demodata-{size.Name()}-{Guid.NewGuid():N}.db");

    public DemoSize Size => size;

    public override SqlFlavor Flavor => SqlFlavor.Sqlite;

    public override WarehouseOptions Options => new()
    {
        Provider = WarehouseProvider.Sqlite,
        ConnectionString = $"Data Source={FilePath};Pooling=False",
        CommandTimeoutSeconds = 600,
    };

    public override DbConnection NewConnection() => new SqliteConnection($"Data Source={FilePath};Pooling=False");

    public override async Task InitializeAsync()
    {
        await using var db = CreateContext();
        Summary = await DemoSeeder.SeedAsync(db, size, progress: null, CancellationToken.None);
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(FilePath + suffix);
        }

        return Task.CompletedTask;
    }
}

public sealed class TinySqliteWarehouse() : SqliteSeededWarehouse(DemoSize.Tiny);

public sealed class DemoSqliteWarehouse() : SqliteSeededWarehouse(DemoSize.Demo);

/// <summary>A PostgreSQL warehouse in a fresh database of a throwaway server.</summary>
public sealed class PostgreSqlSeededWarehouse(string connectionString) : SeededWarehouse
{
    public override SqlFlavor Flavor => SqlFlavor.PostgreSql;

    public override WarehouseOptions Options => new()
    {
        Provider = WarehouseProvider.PostgreSql,
        ConnectionString = connectionString,
        CommandTimeoutSeconds = 600,
    };

    public override DbConnection NewConnection() => new NpgsqlConnection(connectionString);

    public override async Task InitializeAsync()
    {
        await using var db = CreateContext();
        Summary = await DemoSeeder.SeedAsync(db, DemoSize.Tiny, progress: null, CancellationToken.None);
    }

    public override Task DisposeAsync() => Task.CompletedTask;
}
