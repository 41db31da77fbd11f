using System.Data.Common;
using System.Globalization;
using System.Text;
using Infocentre.Loading;
using Infocentre.Loading.Common;
using Infocentre.TestSupport.PostgreSql;
using Infocentre.Warehouse;
using Infocentre.Warehouse.DemoData;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Infocentre.Loading.Tests;

/// <summary>The `tiny` demo warehouse seeded once in a template SQLite file; each test loads into its own copy.</summary>
public sealed class TinyTemplate : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "infocentre-loading-" + Guid.NewGuid().ToString("N"));

    public string TemplatePath => Path.Combine(Folder, "template.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        await using (var db = WarehouseDatabase.CreateContext(TestWarehouse.SqliteOptions(TemplatePath)))
        {
            await DemoSeeder.SeedAsync(db, DemoSize.Tiny, null, CancellationToken.None);
        }

        await using var connection = new SqliteConnection($"Data Source={TemplatePath};Pooling=False");
        await connection.OpenAsync();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await checkpoint.ExecuteNonQueryAsync();
    }

    /// <summary>A fresh copy of the seeded warehouse.</summary>
    public TestWarehouse NewSqlite()
    {
        var path = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".db");
        File.Copy(TemplatePath, path);
        return new TestWarehouse(TestWarehouse.SqliteOptions(path), isSqlite: true);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }

        return Task.CompletedTask;
    }
}

/// <summary>A warehouse a test loads into, queried with plain SQL for the expected values.</summary>
public sealed class TestWarehouse(WarehouseOptions options, bool isSqlite)
{
    /// <summary>A new database of the fixture's PostgreSQL server, seeded with the `tiny` demo warehouse.</summary>
    public static async Task<TestWarehouse> NewTinyPostgreSqlAsync(PostgreSqlFixture postgres, string name)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        var options = new WarehouseOptions
        {
            Provider = WarehouseProvider.PostgreSql,
            ConnectionString = await postgres.CreateDatabaseAsync(name),
        };
        await using var db = WarehouseDatabase.CreateContext(options);
        await DemoSeeder.SeedAsync(db, DemoSize.Tiny, null, CancellationToken.None);
        return new TestWarehouse(options, isSqlite: false);
    }

    public WarehouseOptions Options { get; } = options;

    public bool IsSqlite { get; } = isSqlite;

    public static WarehouseOptions SqliteOptions(string path) => new()
    {
        Provider = WarehouseProvider.Sqlite,
        ConnectionString = $"Data Source={path};Pooling=False",
    };

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    public async Task<LoadResult> LoadAsync(string sample, LoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        await using var db = WarehouseDatabase.CreateContext(Options);
        return await new ExtractLoader(db, options ?? new LoadOptions()).LoadAsync(Sample(sample), null, "tests", cancellationToken);
    }

    /// <summary>Loads the file at <paramref name="path"/> (a sample written by the test).</summary>
    public async Task<LoadResult> LoadFileAsync(string path, LoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        await using var db = WarehouseDatabase.CreateContext(Options);
        return await new ExtractLoader(db, options ?? new LoadOptions()).LoadAsync(path, null, "tests", cancellationToken);
    }

    /// <summary>Loads a sample that must fail; returns what its load_run says.</summary>
    public async Task<LoadResult> LoadFailingAsync(string sample, LoadOptions? options = null)
    {
        var e = await Assert.ThrowsAsync<LoadFailedException>(() => LoadAsync(sample, options));
        return e.Result;
    }

    public DbConnection Connection() => IsSqlite
        ? new SqliteConnection(Options.ConnectionString)
        : new NpgsqlConnection(Options.ConnectionString);

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = Connection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public async Task<long> CountAsync(string sql) => Convert.ToInt64(await ScalarAsync(sql), CultureInfo.InvariantCulture);

    /// <summary>An amount in integer cents, computed by the database.</summary>
    public string Cents(string column) => IsSqlite
        ? $"COALESCE(SUM(CAST(ROUND(CAST({column} AS REAL) * 100) AS INTEGER)), 0)"
        : $"COALESCE(CAST(SUM({column}) * 100 AS BIGINT), 0)";

    public async Task<List<string[]>> RowsAsync(string sql)
    {
        await using var connection = Connection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Every row of the facts a load can touch, and of the journal of loads, as text: "unchanged" means equal.</summary>
    public async Task<string> SnapshotAsync()
    {
        var text = new StringBuilder();
        foreach (var table in new[] { "fact_demande_paiement", "dim_programme", "dim_tiers", "dim_centre_financier", "load_record" })
        {
            foreach (var row in await RowsAsync($"SELECT * FROM {table} ORDER BY 1"))
            {
                text.AppendJoin('|', row).Append('\n');
            }
        }

        return text.ToString();
    }
}
