namespace Infocentre.Loading.Common;

/// <summary>Row count and Σ amount of the loaded lines of one exercice (what reconciliation compares).</summary>
public sealed record ControlTotal(int Exercice, long Rows, decimal Amount);

/// <summary>The outcome of one load, as stored in its load_run row.</summary>
public sealed record LoadResult(
    long LoadId,
    string FileName,
    string Kind,
    string Status,
    long RowsRead,
    long RowsLoaded,
    long RowsRejected,
    long RowsReplaced,
    IReadOnlyList<ControlTotal> ControlTotals,
    IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<string, long> FindingCounts,
    string? Message,
    TimeSpan Elapsed)
{
    public bool Succeeded => Status == LoadRunStatus.Succeeded;
}

public static class LoadRunStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    /// <summary>The load broke (fault, unreadable file, reconciliation); nothing was published.</summary>
    public const string Failed = "failed";
    /// <summary>Too many rejected lines; nothing was published.</summary>
    public const string Refused = "refused";
}
