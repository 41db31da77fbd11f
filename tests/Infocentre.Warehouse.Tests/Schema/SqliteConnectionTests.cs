using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Warehouse.Tests.Schema;

/// <summary>What every SQLite connection of the warehouse does: statements stopped on timeout or cancellation, reads memory-mapped.</summary>
public sealed class SqliteConnectionTests : IDisposable
{
    /// <summary>Counts for ever: only an interruption ends it.</summary>
    private const string EndlessQuery = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT COUNT(*) AS \"Value\" FROM n";

    private readonly string _folder = Directory.CreateTempSubdirectory("infocentre-sqlite-connection-").FullName;

    private WarehouseOptions Options(int timeoutSeconds, int mmapMiB = 64) => new()
    {
        Provider = WarehouseProvider.Sqlite,
        ConnectionString = $"Data Source={Path.Combine(_folder, "warehouse.db")};Pooling=False",
        CommandTimeoutSeconds = timeoutSeconds,
        SqliteMmapMiB = mmapMiB,
    };

    [Fact(Timeout = 60_000)]
    public async Task A_statement_running_past_the_command_timeout_is_interrupted()
    {
        await using var db = WarehouseDatabase.CreateContext(Options(timeoutSeconds: 1));
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.SqlQueryRaw<long>(EndlessQuery).ToListAsync());

        Assert.True(QueryTimeout.IsTimeout(e), e.ToString());
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(50));
        // The connection serves the next statement.
        Assert.Equal([42L], await db.Database.SqlQueryRaw<long>("SELECT 42 AS \"Value\"").ToListAsync());
    }

    [Fact(Timeout = 60_000)]
    public async Task A_cancelled_statement_is_interrupted()
    {
        await using var db = WarehouseDatabase.CreateContext(Options(timeoutSeconds: 600));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var e = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.SqlQueryRaw<long>(EndlessQuery).ToListAsync(cancellation.Token));

        Assert.True(QueryTimeout.IsTimeout(e) || e is OperationCanceledException, e.ToString());
        Assert.True(cancellation.IsCancellationRequested);
    }

    [Fact]
    public async Task A_quick_statement_is_not_interrupted_later()
    {
        await using var db = WarehouseDatabase.CreateContext(Options(timeoutSeconds: 1));
        await db.Database.OpenConnectionAsync();
        Assert.Equal([1L], await db.Database.SqlQueryRaw<long>("SELECT 1 AS \"Value\"").ToListAsync());

        // Past the first statement's timeout, the next one on the same connection runs to its end.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal([500_500L], await db.Database.SqlQueryRaw<long>(
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000) SELECT SUM(x) AS \"Value\" FROM n").ToListAsync());
    }

    [Fact]
    public async Task A_reader_kept_open_past_the_timeout_is_not_interrupted()
    {
        await using var db = WarehouseDatabase.CreateContext(Options(timeoutSeconds: 1));
        var read = new List<long>();

        // The time limit bounds the work before the first row, not how long a caller takes to read the rest (an export).
        await foreach (var x in db.Database.SqlQueryRaw<long>(
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3) SELECT x AS \"Value\" FROM n").AsAsyncEnumerable())
        {
            read.Add(x);
            await Task.Delay(TimeSpan.FromSeconds(0.8));
        }

        Assert.Equal([1L, 2L, 3L], read);
    }

    [Theory]
    [InlineData(64, 64L * 1024 * 1024)]
    [InlineData(0, 0L)]
    public async Task Each_connection_maps_the_configured_size(int mmapMiB, long expectedBytes)
    {
        await using var db = WarehouseDatabase.CreateContext(Options(timeoutSeconds: 60, mmapMiB));

        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA mmap_size";

        Assert.Equal(expectedBytes, (long)(await command.ExecuteScalarAsync())!);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
