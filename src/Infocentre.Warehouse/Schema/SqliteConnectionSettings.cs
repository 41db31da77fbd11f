using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Infocentre.Warehouse.Schema;

/// <summary>
/// Memory-maps the SQLite file on every connection the warehouse opens. Reports scan large ranges of the fact
/// tables; through the default read() path a third of a scan's time went to system calls copying pages
/// (docs/performance.md). The mapping shares the operating system's page cache, so it costs address space,
/// not memory. SQLite's documented caveat: an I/O error on a mapped page ends the process instead of failing
/// the query, which is why the size is configurable (0 turns it off).
/// </summary>
internal sealed class SqliteConnectionSettings(long mmapBytes) : DbConnectionInterceptor
{
    private static readonly ConcurrentDictionary<long, SqliteConnectionSettings> Shared = new();

    /// <summary>One instance per setting: EF Core compares options, and a fresh interceptor per context would not be equal.</summary>
    public static SqliteConnectionSettings For(long mmapBytes) => Shared.GetOrAdd(mmapBytes, bytes => new SqliteConnectionSettings(bytes));

    private string Pragma => "PRAGMA mmap_size=" + mmapBytes.ToString(CultureInfo.InvariantCulture);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
