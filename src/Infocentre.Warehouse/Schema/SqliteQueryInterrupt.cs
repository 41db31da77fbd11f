using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Infocentre.Warehouse.Schema;

/// <summary>
/// Microsoft.Data.Sqlite stops neither a statement that outlives its command timeout nor one whose cancellation
/// token fires (SqliteCommand.Cancel does nothing): a costly query would hold its connection and a CPU to the end.
/// This interceptor interrupts the connection's running statement (sqlite3_interrupt) when either happens. As with
/// PostgreSQL's client, the time limit runs until the first row is ready (a report's grouping is done by then), and
/// cancellation until the reader is disposed, since SQLite computes rows as they are read: a long export stream is
/// bounded by its request's time limit, not by the command's. The statement then fails with SQLITE_INTERRUPT
/// (<see cref="QueryTimeout.IsTimeout"/>).
/// </summary>
internal sealed class SqliteQueryInterrupt : DbCommandInterceptor
{
    public static readonly SqliteQueryInterrupt Instance = new();

    private readonly ConditionalWeakTable<DbCommand, Watch> watches = [];

    private SqliteQueryInterrupt()
    {
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Start(command, CancellationToken.None);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Start(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        FirstRowReady(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        FirstRowReady(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Start(command, CancellationToken.None);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Start(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Stop(command);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Stop(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Start(command, CancellationToken.None);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Start(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Stop(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Stop(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Stop(command);
        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Stop(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Stop(command);
        return Task.CompletedTask;
    }

    private void Start(DbCommand command, CancellationToken cancellationToken)
    {
        if (command.Connection is SqliteConnection connection && (command.CommandTimeout > 0 || cancellationToken.CanBeCanceled))
        {
            watches.AddOrUpdate(command, new Watch(connection, TimeSpan.FromSeconds(command.CommandTimeout), cancellationToken));
        }
    }

    private void FirstRowReady(DbCommand command)
    {
        if (watches.TryGetValue(command, out var watch))
        {
            watch.StopTimer();
        }
    }

    private void Stop(DbCommand command)
    {
        if (watches.TryGetValue(command, out var watch))
        {
            watches.Remove(command);
            watch.Dispose();
        }
    }

    /// <summary>Interrupts the connection once, when the timeout passes or the token fires.</summary>
    private sealed class Watch : IDisposable
    {
        private readonly SqliteConnection connection;
        private readonly Timer? timer;
        private readonly CancellationTokenRegistration registration;
        private readonly Lock gate = new();
        private bool stopped;

        public Watch(SqliteConnection connection, TimeSpan timeout, CancellationToken cancellationToken)
        {
            this.connection = connection;
            timer = timeout > TimeSpan.Zero ? new Timer(_ => Interrupt(), null, timeout, Timeout.InfiniteTimeSpan) : null;
            registration = cancellationToken.Register(Interrupt);
        }

        private void Interrupt()
        {
            // Under the lock: once the command is done, a late timer must not interrupt the connection's next statement.
            lock (gate)
            {
                if (!stopped && connection.Handle is { } handle)
                {
                    raw.sqlite3_interrupt(handle);
                }
            }
        }

        public void StopTimer() => timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        public void Dispose()
        {
            lock (gate)
            {
                stopped = true;
            }

            timer?.Dispose();
            registration.Dispose();
        }
    }
}
