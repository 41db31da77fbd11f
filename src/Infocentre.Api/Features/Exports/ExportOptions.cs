using System.ComponentModel.DataAnnotations;

namespace Infocentre.Api.Features.Exports;

/// <summary>Configuration section "Exports": limits and presentation of the xlsx and CSV exports. See docs/exports.md.</summary>
public sealed class ExportOptions
{
    public const string SectionName = "Exports";

    /// <summary>Exports running at once in this instance; one more is refused with 429 and Retry-After.</summary>
    [Range(1, 1000)]
    public int MaxConcurrent { get; set; } = 4;

    /// <summary>Seconds a refused caller is told to wait (Retry-After).</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 30;

    /// <summary>
    /// When set, an export whose result has more rows is refused with 400 before anything is written (this costs
    /// a COUNT of the report first). Unset (the default): no limit, xlsx files continue on further sheets.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long? MaxRows { get; set; }

    /// <summary>
    /// Rows per worksheet, header rows included. Excel's own limit (1,048,576) is the default and the maximum;
    /// a lower value only serves tests and very old spreadsheet programs.
    /// </summary>
    [Range(16, XlsxReportWriter.ExcelMaxRows)]
    public int MaxSheetRows { get; set; } = XlsxReportWriter.ExcelMaxRows;

    /// <summary>An export running longer is cancelled (it replaces Limits:RequestTimeoutSeconds for exports).</summary>
    [Range(1, 86_400)]
    public int TimeoutSeconds { get; set; } = 1800;

    /// <summary>Time zone of the dates shown in files and file names (load and generation times).</summary>
    public string TimeZone { get; set; } = "Europe/Paris";
}
