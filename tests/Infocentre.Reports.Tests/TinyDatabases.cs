using Infocentre.TestSupport.PostgreSql;
using Infocentre.Warehouse;
using Infocentre.Warehouse.DemoData;

namespace Infocentre.Reports.Tests;

/// <summary>The deterministic `tiny` demo warehouse in a temporary SQLite file and in a throwaway PostgreSQL database.</summary>
public sealed class TinyDatabases : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "infocentre-reports-tests-" + Guid.NewGuid().ToString("N"));
    private PostgreSqlServer? _postgres;

    public WarehouseOptions Sqlite { get; private set; } = new();

    public WarehouseOptions PostgreSql { get; private set; } = new();

    public WarehouseOptions For(WarehouseProvider provider) => provider == WarehouseProvider.PostgreSql ? PostgreSql : Sqlite;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Sqlite = new WarehouseOptions
        {
            Provider = WarehouseProvider.Sqlite,
            ConnectionString = $"Data Source={Path.Combine(_folder, "tiny.db")};Pooling=False",
        };
        _postgres = await PostgreSqlServer.StartAsync(CancellationToken.None);
        PostgreSql = new WarehouseOptions
        {
            Provider = WarehouseProvider.PostgreSql,
            ConnectionString = await _postgres.CreateDatabaseAsync("reports_tiny", CancellationToken.None),
        };
        foreach (var options in new[] { Sqlite, PostgreSql })
        {
            await using var db = WarehouseDatabase.CreateContext(options);
            await DemoSeeder.SeedAsync(db, DemoSize.Tiny, null, CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TinyDatabaseCollection : ICollectionFixture<TinyDatabases>
{
    public const string Name = "Tiny databases (reports)";
}
