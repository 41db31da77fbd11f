namespace Infocentre.Loading.Common;

/// <summary>A rejected line or a data-quality warning, located in the file.</summary>
public sealed record Finding(DataQualityRule Rule, long? Line, string? Column, string? Value, string Message);

/// <summary>
/// Collects the findings of one load. Every finding is counted; the first <see cref="LoadOptions.MaxStoredFindings"/>
/// are kept with their details (a file rejected as a whole can hold millions of bad lines).
/// </summary>
public sealed class FindingLog(int maxStored)
{
    private readonly List<Finding> kept = [];
    private readonly Dictionary<string, long> counts = new(StringComparer.Ordinal);

    public IReadOnlyList<Finding> Kept => kept;

    /// <summary>Findings per rule code, all of them (not only those kept).</summary>
    public IReadOnlyDictionary<string, long> Counts => counts;

    public long Total { get; private set; }

    public void Add(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        Total++;
        counts[finding.Rule.Code] = counts.GetValueOrDefault(finding.Rule.Code) + 1;
        if (kept.Count < maxStored)
        {
            kept.Add(finding);
        }
    }
}
