using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Infocentre.Warehouse.Bulk;

/// <summary>How a <see cref="BulkWriter"/> session behaves.</summary>
public sealed class BulkWriterOptions
{
    /// <summary>
    /// SQLite only: switch foreign-key enforcement off while loading and run <c>PRAGMA foreign_key_check</c>
    /// before committing instead (the commit fails if it reports any row). Off by default: checking each row
    /// against the (small, cached) parent keys was measured cheaper than the final full check. PostgreSQL
    /// validates its foreign keys as described under <see cref="RebuildIndexes"/>; SQL Server row by row.
    /// </summary>
    public bool DeferForeignKeyChecks { get; set; }

    /// <summary>
    /// SQLite and PostgreSQL: drop a table's secondary indexes (and, on PostgreSQL, its foreign keys) before
    /// loading it and create them again right after, from their own DDL in the catalog, inside the load's
    /// transaction. Much faster than maintaining them row by row; unique indexes and foreign keys are still
    /// checked (when they are created again) before anything is committed.
    /// </summary>
    public bool RebuildIndexes { get; set; } = true;

    /// <summary>
    /// Rows per multi-row INSERT statement (SQLite, SQL Server), capped by the engine's parameter limit; null for
    /// the engine's best measured value. On SQLite that is 1: Microsoft.Data.Sqlite binds every parameter by name
    /// (a linear search in the statement), so a statement of n rows costs O(n) per row, and a prepared one-row
    /// INSERT re-executed in one transaction was measured fastest (docs/performance.md); with 1 (or null) the
    /// SQLite writer binds that INSERT by position on the native statement, skipping ADO.NET's parameters.
    /// </summary>
    public int? RowsPerStatement { get; set; }

    /// <summary>SQLite page cache used during the load, in KiB (64 MiB: a larger cache was measured no faster).</summary>
    public int SqliteCacheKib { get; set; } = 64 * 1024;

    /// <summary>The progress callback is called every this many rows (and at the end of each table).</summary>
    public int ProgressInterval { get; set; } = 25_000;
}

/// <summary>
/// Loads large streams of entities into the warehouse in one transaction, reading table and column names,
/// and the way each value is stored, from the EF Core model (no hand-written SQL per table). PostgreSQL uses
/// binary COPY; SQLite and SQL Server use a prepared INSERT of <see cref="BulkWriterOptions.RowsPerStatement"/>
/// rows re-executed with new parameter values.
/// </summary>
/// <remarks>
/// Rows are pulled from the <see cref="IEnumerable{T}"/> one by one and sent in small batches: memory does
/// not grow with the number of rows. Nothing is visible to other connections until <see cref="CommitAsync"/>;
/// disposing without committing rolls everything back.
/// </remarks>
public abstract class BulkWriter : IAsyncDisposable
{
    private readonly Dictionary<Type, BulkTable> tables = [];
    private IDbContextTransaction? transaction;
    private bool committed;
    private bool disposed;

    private protected BulkWriter(WarehouseDbContext db, BulkWriterOptions options)
    {
        Db = db;
        Options = options;
    }

    protected WarehouseDbContext Db { get; }

    protected BulkWriterOptions Options { get; }

    protected DbConnection Connection => Db.Database.GetDbConnection();

    protected DbTransaction Transaction =>
        transaction?.GetDbTransaction() ?? throw new InvalidOperationException("The bulk writer has no open transaction.");

    /// <summary>Opens the connection, tunes the session for loading and begins the transaction.</summary>
    public static async Task<BulkWriter> BeginAsync(
        WarehouseDbContext db, BulkWriterOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        options ??= new BulkWriterOptions();
        BulkWriter writer = WarehouseDatabase.ProviderOf(db.Database) switch
        {
            WarehouseProvider.Sqlite => new SqliteBulkWriter(db, options),
            WarehouseProvider.PostgreSql => new NpgsqlBulkWriter(db, options),
            WarehouseProvider.SqlServer => new SqlServerBulkWriter(db, options),
            var other => throw new NotSupportedException($"No bulk writer for {other}."),
        };
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await writer.BeforeTransactionAsync(cancellationToken);
            writer.transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await writer.AfterTransactionStartedAsync(cancellationToken);
            return writer;
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes every row of <paramref name="rows"/> into the table of <typeparamref name="T"/>; returns the row count.</summary>
    /// <param name="rows">The rows, enumerated once.</param>
    /// <param name="progress">Called with the number of rows written so far in this table.</param>
    /// <param name="cancellationToken">Cancels the load (the transaction is then rolled back on dispose).</param>
    public Task<long> WriteAsync<T>(IEnumerable<T> rows, Action<long>? progress, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (committed)
        {
            throw new InvalidOperationException("The bulk writer has already committed.");
        }

        if (!tables.TryGetValue(typeof(T), out var table))
        {
            table = BulkTable.For<T>(Db);
            tables.Add(typeof(T), table);
        }

        return WriteCoreAsync(table, rows, progress, cancellationToken);
    }

    /// <summary>Writes every row of <paramref name="rows"/> into <paramref name="table"/> (e.g. a staging copy of the entity's table).</summary>
    public Task<long> WriteAsync<T>(BulkTable table, IEnumerable<T> rows, Action<long>? progress, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (committed)
        {
            throw new InvalidOperationException("The bulk writer has already committed.");
        }

        return WriteCoreAsync(table, rows, progress, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> (statements that write many rows of <paramref name="table"/>) with the
    /// table's secondary indexes dropped, and on PostgreSQL its foreign keys too, then creates them again from
    /// their own DDL, in the writer's transaction: one sort per index and one query per foreign key instead of
    /// maintaining them row by row. Unique indexes and foreign keys are checked when they are created again,
    /// so nothing that breaks them can be committed. Other connections do not see the missing indexes (SQLite)
    /// or wait for the commit (PostgreSQL: dropping an index locks the table).
    /// </summary>
    public async Task WithoutIndexesAsync(BulkTable table, Func<Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(work);
        var restore = await DropIndexesAsync(table, cancellationToken);
        await work();
        foreach (var sql in restore)
        {
            await ExecuteAsync(sql, cancellationToken);
        }
    }

    /// <summary>Runs the final checks and commits everything written.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await BeforeCommitAsync(cancellationToken);
        await transaction!.CommitAsync(cancellationToken);
        committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            if (transaction is not null)
            {
                if (!committed)
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                }

                await transaction.DisposeAsync();
                transaction = null;
            }

            await RestoreSessionAsync();
        }
        finally
        {
            await Db.Database.CloseConnectionAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract Task<long> WriteCoreAsync<T>(
        BulkTable table, IEnumerable<T> rows, Action<long>? progress, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Drops the table's secondary indexes (see <see cref="WithoutIndexesAsync"/>); returns the statements that create them again.</summary>
    protected virtual Task<IReadOnlyList<string>> DropIndexesAsync(BulkTable table, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>Session settings that must be changed outside a transaction.</summary>
    protected virtual Task BeforeTransactionAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task AfterTransactionStartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task BeforeCommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Puts back the session settings changed by <see cref="BeforeTransactionAsync"/> (never throws for a closed connection).</summary>
    protected virtual Task RestoreSessionAsync() => Task.CompletedTask;

    protected DbCommand CreateCommand(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction?.GetDbTransaction();
        command.CommandTimeout = 0;
        return command;
    }

    protected async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(sql);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(sql);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    protected void Report(Action<long>? progress, long written, ref long lastReported)
    {
        if (progress is not null && written - lastReported >= Options.ProgressInterval)
        {
            lastReported = written;
            progress(written);
        }
    }
}
