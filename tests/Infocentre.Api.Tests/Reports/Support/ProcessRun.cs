using System.Diagnostics;
using System.Text;

namespace Infocentre.Api.Tests.Reports.Support;

/// <summary>What a finished (or killed) process did.</summary>
internal sealed record ProcessResult(int? ExitCode, bool TimedOut, string Output)
{
    public override string ToString() => $"exit code {ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}{(TimedOut ? " (killed after the timeout)" : "")}:{Environment.NewLine}{Output}";
}

internal static class ProcessRun
{
    /// <summary>Runs `dotnet &lt;arguments&gt;`, killing it (and only it, by its id) if it outlives <paramref name="timeout"/>.</summary>
    public static async Task<ProcessResult> DotnetAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (output)
            {
                return new ProcessResult(null, true, output.ToString());
            }
        }

        process.WaitForExit();
        lock (output)
        {
            return new ProcessResult(process.ExitCode, false, output.ToString());
        }
    }
}
