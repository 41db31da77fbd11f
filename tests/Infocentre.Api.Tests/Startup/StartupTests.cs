using Infocentre.Api.Tests.Infrastructure;

namespace Infocentre.Api.Tests.Startup;

/// <summary>A configuration error stops startup with one clear message, not a stack trace or a later 500.</summary>
public sealed class StartupTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Unknown_provider_stops_startup_naming_the_setting()
    {
        var outcome = await ServiceProcess.RunAsync(new Dictionary<string, string> { ["Warehouse__Provider"] = "Oracle" }, Timeout);

        Assert.NotNull(outcome.ExitCode);
        Assert.NotEqual(0, outcome.ExitCode);
        Assert.Contains("Infocentre cannot start", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("Warehouse:Provider", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_database_stops_startup_with_one_message()
    {
        var outcome = await ServiceProcess.RunAsync(new Dictionary<string, string>
        {
            ["Warehouse__Provider"] = "PostgreSql",
            // Port 9 (discard) on loopback: nothing listens there, the connection is refused at once.
            ["Warehouse__ConnectionString"] = "Host=127.0.0.1;Port=9;Username=nobody;Timeout=3",
        }, Timeout);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Cannot connect to the PostgreSql warehouse: check Warehouse:ConnectionString.", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_provider_without_connection_string_stops_startup()
    {
        var outcome = await ServiceProcess.RunAsync(new Dictionary<string, string> { ["Warehouse__Provider"] = "SqlServer" }, Timeout);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Warehouse:ConnectionString is required for the SqlServer provider", outcome.Output, StringComparison.Ordinal);
    }
}
