using System.Net;
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Warehouse:Provider", _warehouse.Provider.ToString());
        builder.UseSetting("Warehouse:ConnectionString", _warehouse.ConnectionString);
        builder.UseSetting("Warehouse:SeedOnFirstRun", "none");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Sql));
    }

    /// <summary>Starts the server and waits until /health/ready answers 200.</summary>
    public async Task<HttpClient> StartAsync()
    {
        StartServer();
        var client = CreateClient();
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
