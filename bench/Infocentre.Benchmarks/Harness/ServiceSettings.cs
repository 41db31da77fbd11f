namespace Infocentre.Benchmarks.Harness;

/// <summary>What a benchmark mode chooses when it starts the service; the rest is as the service ships.</summary>
/// <param name="ReportsFolder">The report definitions the service loads (Reports:Folder).</param>
internal sealed record ServiceSettings(string ReportsFolder)
{
    /// <summary>EF Core's command log as JSON lines on the console, for <see cref="ServiceProcess.WaitForCommandAsync"/>.</summary>
    public bool LogSql { get; init; }

    /// <summary>How long the harness's HTTP client waits for one response.</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The caller's role in its bearer token (reader, exporter…).</summary>
    public string Role { get; init; } = "reader";

    /// <summary>The caller's name in its bearer token, as the audit trail records it.</summary>
    public string Subject { get; init; } = "benchmark";

    /// <summary>More configuration for the service's environment, applied last (so it wins).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
