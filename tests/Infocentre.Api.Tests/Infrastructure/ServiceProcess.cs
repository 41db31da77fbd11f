using System.Diagnostics;

namespace Infocentre.Api.Tests.Infrastructure;

/// <summary>Runs the built service as its own process, to test what happens at startup (exit code, message).</summary>
public static class ServiceProcess
{
    public sealed record Outcome(int? ExitCode, string Output);

    /// <summary>Starts Infocentre.Api.dll with the environment given and waits for it to exit (killed after <paramref name="timeout"/>).</summary>
    public static async Task<Outcome> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Infocentre.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory.CreateTempSubdirectory("infocentre-start-").FullName,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        int? exitCode;
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
            exitCode = process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            exitCode = null;
        }

        return new Outcome(exitCode, await stdout + await stderr);
    }
}
