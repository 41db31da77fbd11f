namespace Infocentre.Warehouse.Loads;

/// <summary>
/// One load of data into a domain (a Chorus extract, or the demo seed). Freshness is read from here.
/// Times are UTC <see cref="DateTime"/>s: SQLite cannot order DateTimeOffset values.
/// </summary>
public sealed class LoadRecord
{
    public long Id { get; set; }
    /// <summary>One of <see cref="WarehouseDomains"/>.</summary>
    public required string Domain { get; set; }
    public required string Kind { get; set; }
    public required string Source { get; set; }
    public string? Sha256 { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public required string Status { get; set; }
    public long RowsRead { get; set; }
    public long RowsLoaded { get; set; }
    public long RowsRejected { get; set; }
}

public static class WarehouseDomains
{
    public const string Budget = "budget";
    public const string ComptabiliteGenerale = "comptabilite-generale";
    public const string Depenses = "depenses";
    public const string RecettesNonFiscales = "recettes-non-fiscales";
    public const string Subventions = "subventions";

    public static readonly IReadOnlyList<string> All = [Budget, ComptabiliteGenerale, Depenses, RecettesNonFiscales, Subventions];
}

public static class LoadStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
