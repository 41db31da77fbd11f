using System.Diagnostics;

namespace Infocentre.Reports.Tests;

/// <summary>What a run of the built CLI printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}stdout: {StandardOutput}{Environment.NewLine}stderr: {StandardError}";
}

/// <summary>Runs the built `infocentre` CLI as a process, from the temp folder, with a timeout.</summary>
internal static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<CliRun> RunAsync(params string[] arguments)
    {
        Assert.True(File.Exists(TestPaths.CliDll), "build the CLI first: " + TestPaths.CliDll);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(TestPaths.CliDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"infocentre {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s");
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}
