namespace Infocentre.Loading.Common;

/// <summary>The steps of a load, in order; a test hook can fail any of them.</summary>
public enum LoadStep
{
    Parse,
    Stage,
    Check,
    Publish,
    Reconcile,
}

/// <summary>Settings of the extract loader (section <c>Loading</c>).</summary>
public sealed class LoadOptions
{
    /// <summary>Largest share of rejected lines (0–1) a load accepts; above it the whole load is refused.</summary>
    public double MaxRejectionRate { get; set; } = 0.05;

    /// <summary>Findings stored in detail per load; the others are only counted.</summary>
    public int MaxStoredFindings { get; set; } = 1000;

    /// <summary>
    /// Called at the start of each step with the step; throwing from it aborts the load there. Used by the
    /// fault-injection tests; null in production.
    /// </summary>
    public Action<LoadStep>? StepHook { get; set; }

    /// <summary>
    /// Ministère managing the national programme of each European fund ("FSE+", "FEDER"), which the
    /// "2. Extraction FEHBE" sheet of the Data.Subvention extraction does not give (section
    /// <c>Loading:EuropeanFundMinisteres</c>). A payment of a fund not listed is rejected.
    /// </summary>
    public Dictionary<string, string> EuropeanFundMinisteres { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reports the number of lines read so far.</summary>
    public IProgress<long>? Progress { get; set; }
}
