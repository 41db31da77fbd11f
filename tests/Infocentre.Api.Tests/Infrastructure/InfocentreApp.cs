using System.Net;
using Infocentre.Access;
using Infocentre.Warehouse;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Infocentre.Api.Tests.Infrastructure;

/// <summary>The real service on Kestrel, bound to 127.0.0.1 on a free port, over a given warehouse.</summary>
public sealed class InfocentreApp : WebApplicationFactory<Program>
{
    private readonly WarehouseOptions _warehouse;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public InfocentreApp(WarehouseOptions warehouse, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _warehouse = warehouse;
        _settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public SqlLog Sql { get; } = new();

    /// <summary>The signing key of this instance's tokens (random per instance, like a real secret).</summary>
    public byte[] SigningKey { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    /// <summary>A token for the given roles and perimeter; by default an interministerial administrator.</summary>
    public string Token(
        string[]? roles = null, string[]? ministeres = null, string[]? programmes = null, bool? interministeriel = null,
        TimeSpan? lifetime = null, string subject = "test-admin", string issuer = "infocentre-tests", string audience = "infocentre") =>
        TokenIssuer.Issue(SigningKey, issuer, audience, subject, roles ?? [Roles.Admin], ministeres ?? [], programmes,
            interministeriel ?? (ministeres is null), lifetime ?? TimeSpan.FromMinutes(10));

    /// <summary>A client of the running server sending <paramref name="token"/> (none when null).</summary>
    public HttpClient ClientWith(string? token)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Warehouse:Provider", _warehouse.Provider.ToString());
        builder.UseSetting("Warehouse:ConnectionString", _warehouse.ConnectionString);
        builder.UseSetting("Warehouse:SeedOnFirstRun", "none");
        builder.UseSetting("Auth:SigningKey", Convert.ToBase64String(SigningKey));
        builder.UseSetting("Auth:Issuer", "infocentre-tests");
        builder.UseSetting("Auth:Audience", "infocentre");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // EF logs "Executed DbCommand" only when "Executing DbCommand" (Debug) is enabled too; otherwise it skips
        // both for a second after each command (LoggingCacheTime), and quick successive requests go unrecorded.
        builder.ConfigureLogging(logging => logging.AddProvider(Sql).AddFilter<SqlLog>(SqlLog.Category, LogLevel.Debug));
    }

    /// <summary>
    /// Starts the server, waits until /health/ready answers 200, and returns a client authenticated as an
    /// interministerial administrator (tests of access control make their own with <see cref="ClientWith"/>).
    /// </summary>
    public async Task<HttpClient> StartAsync()
    {
        StartServer();
        var client = ClientWith(Token());
        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var response = await client.GetAsync("/health/ready");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return client;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The service did not become ready.");
    }
}
