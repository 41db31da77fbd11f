using System.Collections.Concurrent;
using System.Globalization;
using Infocentre.Access;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Security.Support;

/// <summary>A started service of the security tests, with one unauthenticated client (credentials go on each request).</summary>
internal sealed class SecurityApp(InfocentreApp app, HttpClient client, WarehouseOptions warehouse)
{
    public InfocentreApp App { get; } = app;

    /// <summary>A client without default credentials: each request carries its own (see <see cref="Send"/>).</summary>
    public HttpClient Client { get; } = client;

    public WarehouseOptions Warehouse { get; } = warehouse;

    public WarehouseProvider Provider => Warehouse.Provider;

    /// <summary>An interministerial administrator, valid for longer than a slow run.</summary>
    public string AdminToken { get; } = app.Token(roles: [Roles.Admin], lifetime: TimeSpan.FromHours(4), subject: "security-admin");

    /// <summary>A reader of the given ministries (none: a reader without perimeter), with a subject of its own.</summary>
    public string Reader(string subject, string[] ministeres, string[]? programmes = null) =>
        App.Token(roles: [Roles.Reader], ministeres: ministeres, programmes: programmes, interministeriel: false,
            lifetime: TimeSpan.FromHours(4), subject: subject);

    /// <summary>A token for a <see cref="Perimeter"/> of the matrix, with the reader role (or another).</summary>
    public string TokenFor(Perimeter perimeter, string role = Roles.Reader)
    {
        var subject = "matrix-" + role + "-" + perimeter.Kind switch
        {
            PerimeterKind.All => "all",
            PerimeterKind.Nothing => "nothing",
            _ => string.Join("-", perimeter.Ministeres) + "-" + string.Join("-", perimeter.Programmes),
        };
        return perimeter.Kind == PerimeterKind.All
            ? App.Token(roles: [role], interministeriel: true, lifetime: TimeSpan.FromHours(4), subject: subject)
            : App.Token(roles: [role], ministeres: [.. perimeter.Ministeres], programmes: [.. perimeter.Programmes], interministeriel: false,
                lifetime: TimeSpan.FromHours(4), subject: subject);
    }

    public Task<ApiResult> GetAsync(string url, string? token, Action<HttpRequestMessage>? configure = null) =>
        Send(HttpMethod.Get, url, token, configure);

    public async Task<ApiResult> Send(HttpMethod method, string url, string? token, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.RelativeOrAbsolute));
        if (token is not null)
        {
            // Sent as is: hostile tokens may hold what AuthenticationHeaderValue would refuse or normalise.
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        configure?.Invoke(request);
        return await ApiResult.ReadAsync(await Client.SendAsync(request));
    }

    /// <summary>GET that must answer 200 (the failure message shows the body).</summary>
    public async Task<ApiResult> GetOkAsync(string url, string? token)
    {
        var result = await GetAsync(url, token);
        Assert.True(result.Status == 200, $"GET {url} → {result}");
        return result;
    }
}

/// <summary>
/// Services shared by the security tests, started once per process and configuration (starting one costs a
/// catalogue compilation and a self-test). Like the report tests' shared apps they are never stopped: they end
/// with the test process, after the collection fixture has dropped the databases they read.
/// </summary>
internal static class SecurityApps
{
    /// <summary>Default configuration; the rate limit is raised so that only the behaviour under test can fail a request.</summary>
    public const string Main = "main";

    /// <summary>Pages of two rows, $top capped at <see cref="ConfiguredMaxTop"/>, one CORS origin, host filtering on.</summary>
    public const string Configured = "configured";

    public const int ConfiguredPageSize = 2;
    public const int ConfiguredMaxTop = 50;
    public const string AllowedOrigin = "https://bi.example";

    private static readonly ConcurrentDictionary<string, Lazy<Task<SecurityApp>>> Apps = new(StringComparer.Ordinal);

    public static Task<SecurityApp> GetAsync(TinyWarehouses warehouses, WarehouseProvider provider, string profile = Main)
    {
        var warehouse = warehouses.For(provider);
        var key = profile + "|" + warehouse.Provider + "|" + warehouse.ConnectionString;
        return Apps.GetOrAdd(key, _ => new Lazy<Task<SecurityApp>>(() => StartAsync(warehouse, Settings(profile)))).Value;
    }

    public static Dictionary<string, string?> Settings(string profile) => profile switch
    {
        Main => new() { ["Limits:RequestsPerMinute"] = "1000000" },
        Configured => new()
        {
            ["Limits:RequestsPerMinute"] = "1000000",
            ["OData:PageSize"] = ConfiguredPageSize.ToString(CultureInfo.InvariantCulture),
            ["OData:MaxTop"] = ConfiguredMaxTop.ToString(CultureInfo.InvariantCulture),
            ["Hosting:CorsOrigins:0"] = AllowedOrigin,
            ["AllowedHosts"] = "127.0.0.1;localhost",
        },
        _ => throw new ArgumentException($"Unknown profile {profile}.", nameof(profile)),
    };

    /// <summary>Starts a service (the caller owns it when it is not one of the shared ones).</summary>
    public static async Task<SecurityApp> StartAsync(WarehouseOptions warehouse, Dictionary<string, string?> settings)
    {
#pragma warning disable CA2000 // Shared apps live as long as the test process; others are disposed by their fixture.
        var app = new InfocentreApp(warehouse, settings);
#pragma warning restore CA2000
        using var ready = await app.StartAsync();
        return new SecurityApp(app, app.ClientWith(null), warehouse);
    }
}
