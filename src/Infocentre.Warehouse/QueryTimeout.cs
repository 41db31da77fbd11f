using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using SQLitePCL;

namespace Infocentre.Warehouse;

/// <summary>Recognises a query stopped by its time limit (Warehouse:CommandTimeoutSeconds) or its cancellation, on every engine.</summary>
public static class QueryTimeout
{
    /// <summary>True when <paramref name="exception"/> or one of its inner exceptions is such a stop.</summary>
    public static bool IsTimeout(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: raw.SQLITE_INTERRUPT } // Schema/SqliteQueryInterrupt
                or PostgresException { SqlState: PostgresErrorCodes.QueryCanceled }
                or NpgsqlException { InnerException: TimeoutException }
                or SqlException { Number: -2 })
            {
                return true;
            }
        }

        return false;
    }
}
