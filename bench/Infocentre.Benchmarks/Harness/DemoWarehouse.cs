using System.Data.Common;
using System.Globalization;
using Infocentre.TestSupport.PostgreSql;
using Infocentre.Warehouse;
using Infocentre.Warehouse.DemoData;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Benchmarks.Harness;

/// <summary>
/// The <c>demo</c> warehouse a benchmark measures: a SQLite file (temporary, or kept and reused between runs) or a
/// database of a throwaway PostgreSQL server, seeded unless it already holds the demo data of the current schema.
/// </summary>
internal static class DemoWarehouse
{
    /// <summary>
    /// Runs <paramref name="measure"/> on a seeded SQLite demo file: <paramref name="keptFile"/>, reused when it is
    /// already seeded with this schema, or else a file in a temporary folder named by <paramref name="tempPrefix"/>
    /// and the process id, deleted afterwards.
    /// </summary>
    public static async Task<T> OnSqliteAsync<T>(string? keptFile, string tempPrefix, Func<WarehouseOptions, Task<T>> measure)
    {
        var folder = Path.Combine(Path.GetTempPath(), tempPrefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var file = keptFile ?? Path.Combine(folder, "demo.db");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        try
        {
            var warehouse = new WarehouseOptions { Provider = WarehouseProvider.Sqlite, ConnectionString = $"Data Source={Path.GetFullPath(file)}", CommandTimeoutSeconds = 3600 };
            await SeedAsync(warehouse);
            return await measure(warehouse);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Runs <paramref name="measure"/> on <paramref name="database"/> of a throwaway PostgreSQL server, seeded with the demo data.</summary>
    public static async Task<T> OnPostgreSqlAsync<T>(string database, Func<WarehouseOptions, Task<T>> measure)
    {
        await using var server = await PostgreSqlServer.StartAsync(CancellationToken.None);
        var warehouse = new WarehouseOptions
        {
            Provider = WarehouseProvider.PostgreSql,
            ConnectionString = await server.CreateDatabaseAsync(database, CancellationToken.None),
            CommandTimeoutSeconds = 3600,
        };
        await SeedAsync(warehouse);
        var result = await measure(warehouse);
        Npgsql.NpgsqlConnection.ClearAllPools();
        return result;
    }

    /// <summary>"SQLite 3.x" or PostgreSQL's version() line.</summary>
    public static async Task<string> EngineVersionAsync(DbConnection connection, WarehouseProvider provider)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = provider == WarehouseProvider.Sqlite ? "SELECT 'SQLite ' || sqlite_version()" : "SELECT version()";
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>Seeds the demo data set unless the warehouse already holds it (a reused --sqlite-file of this schema).</summary>
    private static async Task SeedAsync(WarehouseOptions warehouse)
    {
        await using (var existing = WarehouseDatabase.CreateContext(warehouse))
        {
            if (await TableExistsAsync(existing) && await existing.Loads.AnyAsync())
            {
                try
                {
                    await WarehouseDatabase.CreateSchemaAsync(existing, CancellationToken.None);
                    Console.WriteLine($"{warehouse.Provider}: reusing the warehouse already seeded.");
                    return;
                }
                catch (Infocentre.Warehouse.Schema.WarehouseSchemaMismatchException) when (warehouse.Provider == WarehouseProvider.Sqlite)
                {
                    Console.WriteLine($"{warehouse.Provider}: the kept file has an older schema; seeding it again.");
                }
            }
        }

        if (warehouse.Provider == WarehouseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(warehouse.ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(path);
            }
        }

        await using var db = WarehouseDatabase.CreateContext(warehouse);
        Console.WriteLine($"{warehouse.Provider}: seeding the demo warehouse…");
        var summary = await DemoSeeder.SeedAsync(db, DemoSize.Demo, null, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{warehouse.Provider}: {summary.FactRows:N0} fact rows ({summary.TotalRows:N0} rows) in {summary.Elapsed.TotalSeconds:0.0} s."));
    }

    private static async Task<bool> TableExistsAsync(WarehouseDbContext db)
    {
        try
        {
            _ = await db.Loads.AnyAsync();
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }
}
