using System.Globalization;
using System.Text;
using System.Text.Json;
using Infocentre.Benchmarks.Harness;

namespace Infocentre.Benchmarks;

/// <summary>A report as <c>GET /api/reports</c> lists it (the fields the catalogue benchmark uses).</summary>
internal sealed record CatalogueEntry(string Code, string EntitySet, string Domain, string Title);

/// <summary>The timed requests of one report and what its last successful response held.</summary>
internal sealed class ReportMeasure(CatalogueEntry entry)
{
    public CatalogueEntry Entry { get; } = entry;

    public List<double> Runs { get; } = [];

    /// <summary>Status and problem of a request that did not return 200; null while all did.</summary>
    public string? Failure { get; set; }

    public int Rows { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>The page was full: the response pointed to a next one.</summary>
    public bool More { get; private set; }

    /// <summary>The parameters the service bound from the defaults ("exercice=2024"), as the response reports them.</summary>
    public string Parameters { get; private set; } = "";

    public double Median => Runs.Count == 0 ? double.NaN : Statistics.Median(Runs);

    public double Max => Runs.Count == 0 ? double.NaN : Runs.Max();

    public void Record(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Rows = root.GetProperty("rows").GetArrayLength();
        More = root.TryGetProperty("nextLink", out var next) && next.ValueKind == JsonValueKind.String;
        Bytes = body.LongLength;
        Parameters = root.TryGetProperty("parameters", out var bound) && bound.ValueKind == JsonValueKind.Object
            ? string.Join(", ", bound.EnumerateObject()
                .Where(p => p.Value.ValueKind != JsonValueKind.Null)
                .Select(p => p.Name + "=" + (p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())))
            : "";
    }
}

/// <summary>The catalogue benchmark's result for one engine, as markdown: slowest report first.</summary>
internal sealed record CatalogueTable(
    string Engine, string Version, string Machine, int Runs, DateTime Started, TimeSpan Elapsed, string LoadBefore, string LoadAfter,
    IReadOnlyList<ReportMeasure> Measures)
{
    /// <summary>A first page slower than this is flagged: the analyst waits visibly.</summary>
    public const double SlowMs = 1000;

    public string ToMarkdown()
    {
        var ordered = Measures.OrderByDescending(m => m.Failure is not null).ThenByDescending(m => m.Median).ToList();
        var slow = Measures.Count(m => m.Failure is null && m.Median > SlowMs);
        var failed = Measures.Count(m => m.Failure is not null);
        var text = new StringBuilder();
        var line = (string s) => text.Append(s).Append('\n');
        line(string.Create(CultureInfo.InvariantCulture, $"### First page of every report: {Engine}, demo warehouse ({Measures.Count} reports)"));
        line("");
        line(string.Create(CultureInfo.InvariantCulture,
            $"`GET /api/reports/{{code}}/rows` with the default parameters and page size; {Runs} runs per report after 1 warm-up, round-robin across reports; median and max in ms, time until the whole body has arrived."));
        line("");
        line($"- {Machine}");
        line($"- {Version}");
        line(string.Create(CultureInfo.InvariantCulture,
            $"- started {Started:yyyy-MM-dd HH:mm} UTC, {Elapsed.TotalMinutes:0.0} min; {LoadBefore} before, {LoadAfter} after"));
        line("");
        line("| Report | Title | Entity set | Domain | Parameters (defaults) | Rows | Body (KB) | Median (ms) | Max (ms) | Over 1 s |");
        line("|---|---|---|---|---|---:|---:|---:|---:|---|");
        foreach (var m in ordered)
        {
            var e = m.Entry;
            line(m.Failure is { } failure
                ? $"| {e.Code} | {Cell(e.Title)} | {e.EntitySet} | {e.Domain} | | | | | | **FAILED**: {Cell(failure)} |"
                : string.Create(CultureInfo.InvariantCulture,
                    $"| {e.Code} | {Cell(e.Title)} | {e.EntitySet} | {e.Domain} | {m.Parameters} | {m.Rows:N0}{(m.More ? " (more)" : "")} | {m.Bytes / 1000.0:N1} | {m.Median:N0} | {m.Max:N0} | {Flag(m)} |"));
        }

        line("");
        line(string.Create(CultureInfo.InvariantCulture,
            $"{slow} of {Measures.Count} reports take more than {SlowMs:N0} ms on the median{(failed > 0 ? $"; {failed} failed" : "")}. \"(more)\": the page is full and has a next page."));
        line("");
        return text.ToString();
    }

    /// <summary>Over the threshold on the median (bold), or only on the slowest run.</summary>
    private static string Flag(ReportMeasure m) => m.Median > SlowMs ? "**yes**" : m.Max > SlowMs ? "max only" : "";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
