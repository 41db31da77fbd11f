using System.Collections.Concurrent;
using Infocentre.Access;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.TestSupport;
using Infocentre.Warehouse;
using Infocentre.Warehouse.DemoData;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Infocentre.Api.Tests.Security.Support;

/// <summary>A service over a copy of the tiny warehouse holding API keys made for the tests.</summary>
internal sealed record KeyedApp(SecurityApp App, WarehouseOptions Warehouse, IReadOnlyDictionary<string, string> Keys)
{
    public const string Min18Reader = "min18-reader";
    public const string Admin = "interministerial-admin";
    public const string Min09Programme0176 = "min09-0176-reader";
    public const string Revoked = "to-revoke";
    public const string Other = "other-reader";

    /// <summary>Creates one more key in this warehouse (for tests that change it, such as revocation).</summary>
    public async Task<(string Prefix, string Key)> CreateKeyAsync(string name, string[] roles, string[] ministeres, string[]? programmes = null)
    {
        await using var db = WarehouseDatabase.CreateContext(Warehouse);
        var (row, key) = await ApiKeys.CreateAsync(db, name, roles, ministeres, programmes, CancellationToken.None);
        return (row.Prefix, key);
    }

    public async Task<bool> RevokeAsync(string prefix)
    {
        await using var db = WarehouseDatabase.CreateContext(Warehouse);
        return await ApiKeys.RevokeAsync(db, prefix, CancellationToken.None);
    }
}

/// <summary>
/// Copies of the tiny warehouse with API keys in them, one per engine, made on first use and dropped with the
/// test class: the shared tiny databases are never written to. SQLite: a backup of the file into a temp folder;
/// PostgreSQL: a new database on the same server, seeded like the tiny one.
/// </summary>
public sealed class KeyedWarehouses : IAsyncLifetime
{
    private readonly ConcurrentDictionary<WarehouseProvider, Lazy<Task<KeyedApp>>> _apps = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "infocentre-security-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _postgresDatabases = [];

    internal Task<KeyedApp> GetAsync(TinyWarehouses warehouses, WarehouseProvider provider) =>
        _apps.GetOrAdd(provider, p => new Lazy<Task<KeyedApp>>(() => StartAsync(warehouses.For(p)))).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
        {
            try
            {
                var keyed = await app.Value;
                keyed.App.Client.Dispose();
                await keyed.App.App.DisposeAsync();
            }
            catch (InvalidOperationException)
            {
                // A start that failed has nothing to stop.
            }
        }

        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        foreach (var (admin, database) in _postgresDatabases.Select(d => (d.Split('|')[0], d.Split('|')[1])))
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was copied.
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temp folder is cleaned by the OS.
        }
    }

    private async Task<KeyedApp> StartAsync(WarehouseOptions tiny)
    {
        var copy = tiny.Provider == WarehouseProvider.Sqlite ? CopySqlite(tiny) : await CopyPostgreSqlAsync(tiny);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var db = WarehouseDatabase.CreateContext(copy))
        {
            foreach (var (name, roles, ministeres, programmes) in new (string, string[], string[], string[]?)[]
            {
                (KeyedApp.Min18Reader, [Roles.Reader], ["MIN18"], null),
                (KeyedApp.Admin, [Roles.Admin], ["*"], null),
                (KeyedApp.Min09Programme0176, [Roles.Reader], ["MIN09"], ["0176"]),
                (KeyedApp.Other, [Roles.Reader], ["MIN09"], null),
            })
            {
                keys[name] = (await ApiKeys.CreateAsync(db, name, roles, ministeres, programmes, CancellationToken.None)).Key;
            }
        }

        var app = await SecurityApps.StartAsync(copy, SecurityApps.Settings(SecurityApps.Main));
        return new KeyedApp(app, copy, keys);
    }

    private WarehouseOptions CopySqlite(WarehouseOptions tiny)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "keyed.db");
        using (var source = new SqliteConnection(tiny.ConnectionString))
        using (var target = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }

        return new WarehouseOptions { Provider = WarehouseProvider.Sqlite, ConnectionString = $"Data Source={path};Pooling=False" };
    }

    private async Task<WarehouseOptions> CopyPostgreSqlAsync(WarehouseOptions tiny)
    {
        var name = "infocentre_security_" + Guid.NewGuid().ToString("N")[..12];
        var admin = new NpgsqlConnectionStringBuilder(tiny.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        _postgresDatabases.Add(admin + "|" + name);
        var copy = new WarehouseOptions
        {
            Provider = WarehouseProvider.PostgreSql,
            ConnectionString = new NpgsqlConnectionStringBuilder(tiny.ConnectionString) { Database = name }.ConnectionString,
        };
        await using var db = WarehouseDatabase.CreateContext(copy);
        await DemoSeeder.SeedAsync(db, DemoSize.Tiny, null, CancellationToken.None);
        return copy;
    }
}
