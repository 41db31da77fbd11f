using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Infocentre.Api.Tests.Infrastructure;

/// <summary>Records the SQL statements EF Core executes, from its own command log, so tests can assert on them.</summary>
public sealed class SqlLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _commands = new();

    public const string Category = "Microsoft.EntityFrameworkCore.Database.Command";

    public IReadOnlyList<string> Commands => [.. _commands];

    public void Clear() => _commands.Clear();

    public ILogger CreateLogger(string categoryName) =>
        categoryName == Category ? new Recorder(_commands) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Recorder(ConcurrentQueue<string> commands) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // 20101: CommandExecuted. Its state carries the SQL as "commandText".
            if (eventId.Id == 20101 && state is IReadOnlyList<KeyValuePair<string, object?>> values
                && values.FirstOrDefault(v => v.Key == "commandText").Value is string sql)
            {
                commands.Enqueue(sql);
            }
        }
    }
}
