using Infocentre.TestSupport.PostgreSql;
using Infocentre.Warehouse;
using Infocentre.Warehouse.DemoData;
using Xunit;

namespace Infocentre.TestSupport;

/// <summary>
/// The `tiny` demo warehouse, seeded once per test run in a temporary SQLite file and in a database of a
/// throwaway PostgreSQL server: small enough to compute expected results by hand or plain SQL. Shared by the
/// test assemblies; each declares its own collection of it (xUnit only finds collection definitions there).
/// </summary>
public sealed class TinyWarehouses : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "infocentre-tests-" + Guid.NewGuid().ToString("N"));
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
            ConnectionString = await _postgres.CreateDatabaseAsync("tiny", CancellationToken.None),
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
            // A file still open on a slow machine: the temp folder is cleaned by the OS.
        }
    }
}
