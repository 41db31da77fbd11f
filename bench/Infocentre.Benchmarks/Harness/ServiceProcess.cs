using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Infocentre.Warehouse;

namespace Infocentre.Benchmarks.Harness;

/// <summary>
/// The real service in a child process on 127.0.0.1 over a given warehouse, as it ships (Production), with an
/// HTTP client that carries a bearer token signed with a key made for this run. Its console output is kept.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _log = [];
    private readonly Lock _lock = new();

    private ServiceProcess(Process process, HttpClient http)
    {
        _process = process;
        Http = http;
    }

    public HttpClient Http { get; }

    public static async Task<ServiceProcess> StartAsync(string api, WarehouseOptions warehouse, ServiceSettings settings)
    {
        var port = FreePort().ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[] { api, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        var signingKey = RandomNumberGenerator.GetBytes(32);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Warehouse__Provider"] = warehouse.Provider.ToString();
        start.Environment["Warehouse__ConnectionString"] = warehouse.ConnectionString;
        start.Environment["Warehouse__SeedOnFirstRun"] = "none";
        start.Environment["Reports__Folder"] = settings.ReportsFolder;
        start.Environment["Auth__SigningKey"] = Convert.ToBase64String(signingKey);
        start.Environment["Auth__Issuer"] = BenchToken.Issuer;
        start.Environment["Auth__Audience"] = BenchToken.Issuer;
        if (settings.LogSql)
        {
            start.Environment["Logging__Console__FormatterName"] = "json";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        }

        foreach (var (name, value) in settings.Environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the service.");
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = settings.HttpTimeout };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BenchToken.Create(signingKey, settings.Subject, settings.Role));
        var service = new ServiceProcess(process, http);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await service.WaitUntilReadyAsync();
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    public void ClearLog()
    {
        lock (_lock)
        {
            _log.Clear();
        }
    }

    /// <summary>
    /// The first SQL command matching <paramref name="statement"/> in EF Core's log since <see cref="ClearLog"/>
    /// (needs <see cref="ServiceSettings.LogSql"/>), with EF's own elapsed time until the reader was returned.
    /// </summary>
    public async Task<(string Sql, double ElapsedMs)> WaitForCommandAsync(Regex statement)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            string[] lines;
            lock (_lock)
            {
                lines = [.. _log];
            }

            foreach (var line in lines.Where(l => l.StartsWith('{')))
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.TryGetProperty("State", out var state)
                    && state.TryGetProperty("commandText", out var text)
                    && text.GetString() is { } sql && statement.IsMatch(sql))
                {
                    // "3,775": EF formats the elapsed milliseconds with the invariant culture's group separator.
                    var elapsed = state.TryGetProperty("elapsed", out var e)
                        && double.TryParse(e.GetString(), NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ms)
                        ? ms : double.NaN;
                    return (sql, elapsed);
                }
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The service logged no matching statement:\n" + Tail());
    }

    /// <summary>The service's resident memory now (bytes, from /proc; 0 where unreadable).</summary>
    public long Rss() => Status("VmRSS:");

    /// <summary>The kernel's own high-water mark of the service's resident memory.</summary>
    public long PeakRss() => Status("VmHWM:");

    private long Status(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _log.Add(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {_process.ExitCode}:\n{Tail()}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The service did not become ready in 2 minutes:\n" + Tail());
    }

    private string Tail()
    {
        lock (_lock)
        {
            return string.Join('\n', _log.TakeLast(40));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
