using Microsoft.OData;

namespace Infocentre.Api.Features.Reports;

/// <summary>
/// Which failures of a client's query are the client's: invalid syntax, numbers out of range, expressions the
/// database cannot translate or evaluate (division by zero, overflow). They are 400s naming the problem, never 500s.
/// </summary>
internal static class QueryErrors
{
    public static bool IsClientError(Exception e) => e switch
    {
        ODataException or OverflowException or FormatException or ArgumentException => true,
        // EF Core: "The LINQ expression … could not be translated".
        InvalidOperationException => true,
        // PostgreSQL class 22: data exception (division by zero, numeric overflow, invalid text).
        Npgsql.PostgresException pg => pg.SqlState.StartsWith("22", StringComparison.Ordinal),
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 1,
        _ => false,
    };

    public static string Message(Exception e) => e switch
    {
        ODataException or ArgumentException or FormatException => e.Message,
        OverflowException => "A number in the query is out of range.",
        InvalidOperationException => "The query cannot be run: an expression cannot be translated for the database (e.g. $orderby on an alias or a computed division).",
        _ => "The query failed on the data (e.g. a division by zero or an overflow): change the expression.",
    };
}
