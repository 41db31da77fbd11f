namespace Infocentre.Warehouse.Loads;

/// <summary>
/// One run of the extract loader: the file, what was read, loaded and rejected, the control totals and the
/// outcome. Written when the load starts, completed in the load's own transaction when it succeeds, and marked
/// failed or refused (with its findings) when it does not. Times are UTC.
/// </summary>
public sealed class LoadRun
{
    public long Id { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    /// <summary>The extract kind ("inf-bud-53", "ref-programmes"...).</summary>
    public required string Kind { get; set; }
    /// <summary>Text encoding the file was read with ("utf-8", "windows-1252"), null for XLSX.</summary>
    public string? Encoding { get; set; }
    /// <summary>Who started the load (the principal's name, or "cli").</summary>
    public required string StartedBy { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>running, succeeded, failed or refused.</summary>
    public required string Status { get; set; }
    public long RowsRead { get; set; }
    public long RowsLoaded { get; set; }
    public long RowsRejected { get; set; }
    /// <summary>Lines of the warehouse the load replaced (same natural key), so 0 on a first load.</summary>
    public long RowsReplaced { get; set; }
    /// <summary>Control totals of the loaded lines as JSON: per exercice, row count and Σ amount.</summary>
    public string? ControlTotals { get; set; }
    /// <summary>Why the load failed or was refused.</summary>
    public string? Message { get; set; }
}

/// <summary>A rejected line or a data-quality finding of a <see cref="LoadRun"/>.</summary>
public sealed class LoadFinding
{
    public long Id { get; set; }
    public long LoadRunId { get; set; }
    /// <summary>The rule ("DQ-003"), documented in docs/loading.md.</summary>
    public required string Code { get; set; }
    /// <summary>"error" (the line is rejected) or "warning" (the line is loaded and the finding kept).</summary>
    public required string Severity { get; set; }
    public required string FileName { get; set; }
    /// <summary>Line of the file (1-based; for XLSX the sheet row), null for findings about a group of lines.</summary>
    public long? Line { get; set; }
    public string? Column { get; set; }
    public string? Value { get; set; }
    public required string Message { get; set; }
}
