namespace Infocentre.Api.Tests.Reports.Support;

/// <summary>Sorting the statements of an app's SQL log into those that read report data and the service's own bookkeeping.</summary>
internal static class SqlStatements
{
    /// <summary>
    /// Tables the service reads or writes around a request, whatever the request: the load journal (freshness,
    /// cached a few seconds), the audit trail, API keys.
    /// </summary>
    private static readonly string[] Bookkeeping = ["load_record", "audit_entry", "api_key"];

    /// <summary>The SELECT statements that read warehouse data (not the bookkeeping tables).</summary>
    public static List<string> DataQueries(IEnumerable<string> statements) =>
        statements
            .Where(s => s.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            .Where(s => !Bookkeeping.Any(t => s.Contains(t, StringComparison.Ordinal)))
            .ToList();
}
