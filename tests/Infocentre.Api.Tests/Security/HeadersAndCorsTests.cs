using System.Globalization;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Security.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Security;

/// <summary>
/// OWASP API8 (security misconfiguration), browser side: hardening headers on every response, CORS closed unless
/// an origin is configured, and host filtering once AllowedHosts is set.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class HeadersAndCorsTests(TinyWarehouses warehouses)
{
    public static TheoryData<string, bool> Responses() => new()
    {
        { "/api/reports", true },
        { "/api/reports/INF-BUD-40/rows?exercice={E}", true },
        { "/odata/Credits?$top=1", true },
        { "/odata/$metadata", true },
        { "/api/reports", false },
        { "/api/reports/NOPE", true },
        { "/api/reports/INF-BUD-40/rows?exercice=abc", true },
        { "/api/audit", true },
        { "/health/live", false },
        { "/", false },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Hardening_headers_are_on_every_response(string url, bool authenticated)
    {
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var exercice = (await IndependentSql.LatestExerciceAsync(app.Warehouse)).ToString(CultureInfo.InvariantCulture);
        var result = await app.GetAsync(url.Replace("{E}", exercice, StringComparison.Ordinal), authenticated ? app.Reader("headers", ["MIN09"]) : null);
        Assert.Equal("nosniff", result.Header("X-Content-Type-Options"));
        Assert.Equal("DENY", result.Header("X-Frame-Options"));
        var csp = result.Header("Content-Security-Policy") ?? "";
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", result.Header("Referrer-Policy"));
        Assert.Null(result.Header("X-Powered-By"));
        Assert.Contains("no-store", result.Header("Cache-Control") ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SecurityApps.Main)]
    [InlineData(SecurityApps.Configured)]
    public async Task A_preflight_from_an_unknown_origin_gets_no_CORS_headers(string profile)
    {
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite, profile);
        foreach (var origin in new[] { "https://evil.example", "null", "https://bi.example.evil.example", "http://bi.example" })
        {
            var preflight = await Preflight(app, origin, "GET");
            Assert.True(preflight.Header("Access-Control-Allow-Origin") is null, $"{profile}: preflight from {origin} → {preflight.Header("Access-Control-Allow-Origin")}");
            var get = await app.GetAsync("/api/reports", app.Reader("cors", ["MIN09"]), r => r.Headers.TryAddWithoutValidation("Origin", origin));
            Assert.Null(get.Header("Access-Control-Allow-Origin"));
            Assert.Null(get.Header("Access-Control-Allow-Credentials"));
        }
    }

    [Fact]
    public async Task A_configured_origin_is_allowed_for_GET_only_and_without_credentials()
    {
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite, SecurityApps.Configured);
        var preflight = await Preflight(app, SecurityApps.AllowedOrigin, "GET");
        Assert.Equal(SecurityApps.AllowedOrigin, preflight.Header("Access-Control-Allow-Origin"));
        Assert.Contains("GET", preflight.Header("Access-Control-Allow-Methods") ?? "", StringComparison.Ordinal);
        Assert.Null(preflight.Header("Access-Control-Allow-Credentials"));

        var get = await app.GetAsync("/api/reports", app.Reader("cors", ["MIN09"]), r => r.Headers.TryAddWithoutValidation("Origin", SecurityApps.AllowedOrigin));
        Assert.Equal(200, get.Status);
        Assert.Equal(SecurityApps.AllowedOrigin, get.Header("Access-Control-Allow-Origin"));

        var delete = await Preflight(app, SecurityApps.AllowedOrigin, "DELETE");
        Assert.DoesNotContain("DELETE", delete.Header("Access-Control-Allow-Methods") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_AllowedHosts_set_a_foreign_Host_header_is_refused()
    {
        // Without AllowedHosts, OData echoes the Host header into @odata.context and @odata.nextLink (see docs/security.md).
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite, SecurityApps.Configured);
        var token = app.Reader("hosts", ["MIN09"]);
        var foreign = await app.GetAsync("/odata/Credits?$select=Id", token, r => r.Headers.Host = "evil.example");
        Assert.Equal(400, foreign.Status);
        Assert.DoesNotContain("evil.example", foreign.Body, StringComparison.Ordinal);
        var own = await app.GetOkAsync("/odata/Credits?$select=Id", token);
        Assert.DoesNotContain("evil.example", own.Body, StringComparison.Ordinal);
    }

    private static Task<ApiResult> Preflight(SecurityApp app, string origin, string method) =>
        app.Send(HttpMethod.Options, "/api/reports", null, r =>
        {
            r.Headers.TryAddWithoutValidation("Origin", origin);
            r.Headers.TryAddWithoutValidation("Access-Control-Request-Method", method);
            r.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", "authorization");
        });
}
