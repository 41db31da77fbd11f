using System.Text.Json;
using Infocentre.Loading.Common;
using Infocentre.Warehouse.Loads;

namespace Infocentre.Api.Features.Loads;

/// <summary>A load as the API shows it; <see cref="Findings"/> only on GET /api/loads/{id} and after an upload.</summary>
public sealed record LoadView(
    long Id,
    string FileName,
    string Sha256,
    string Kind,
    string? Encoding,
    string StartedBy,
    DateTime StartedAt,
    DateTime? FinishedAt,
    string Status,
    long RowsRead,
    long RowsLoaded,
    long RowsRejected,
    long RowsReplaced,
    IReadOnlyList<ControlTotal> ControlTotals,
    string? Message,
    IReadOnlyList<FindingView>? Findings)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static LoadView From(LoadRun run, IEnumerable<LoadFinding>? findings)
    {
        ArgumentNullException.ThrowIfNull(run);
        var totals = run.ControlTotals is null ? [] : JsonSerializer.Deserialize<List<ControlTotal>>(run.ControlTotals, Json) ?? [];
        return new LoadView(
            run.Id, run.FileName, run.Sha256, run.Kind, run.Encoding, run.StartedBy,
            DateTime.SpecifyKind(run.StartedAt, DateTimeKind.Utc), run.FinishedAt is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null,
            run.Status, run.RowsRead, run.RowsLoaded, run.RowsRejected, run.RowsReplaced, totals, run.Message,
            findings?.Select(x => new FindingView(x.Code, x.Severity, x.FileName, x.Line, x.Column, x.Value, x.Message)).ToList());
    }
}

public sealed record FindingView(string Code, string Severity, string FileName, long? Line, string? Column, string? Value, string Message);
