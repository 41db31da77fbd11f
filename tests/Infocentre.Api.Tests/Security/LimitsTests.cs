using System.Globalization;
using Infocentre.Access;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Security.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Security;

/// <summary>A service of its own, started on first use and stopped with the test class: a low rate limit, fresh caches.</summary>
public sealed class FreshApp : IAsyncLifetime
{
    public const int RequestsPerMinute = 5;

    private Lazy<Task<SecurityApp>>? _app;

    internal Task<SecurityApp> GetAsync(TinyWarehouses warehouses)
    {
        Interlocked.CompareExchange(ref _app, new Lazy<Task<SecurityApp>>(() => SecurityApps.StartAsync(
            warehouses.Sqlite,
            new Dictionary<string, string?> { ["Limits:RequestsPerMinute"] = RequestsPerMinute.ToString(CultureInfo.InvariantCulture) })), null);
        return _app.Value;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is { IsValueCreated: true })
        {
            var app = await _app.Value;
            app.Client.Dispose();
            await app.App.DisposeAsync();
        }
    }
}

/// <summary>
/// OWASP API4 (unrestricted resource consumption): a per-principal rate limit answering 429 with Retry-After, and
/// explicit OData/REST limits refused with a 400 that names them. Also the "latest exercice" default, a shared
/// cache that must not depend on who filled it.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class LimitsTests(TinyWarehouses warehouses, FreshApp fresh) : IClassFixture<FreshApp>
{
    [Fact]
    public async Task One_principal_over_the_limit_gets_429_with_Retry_After_while_another_still_gets_200()
    {
        var app = await fresh.GetAsync(warehouses);
        var greedy = app.Reader("limits-greedy", ["MIN09"]);
        for (var i = 0; i < FreshApp.RequestsPerMinute; i++)
        {
            Assert.Equal(200, (await app.GetAsync("/api/reports", greedy)).Status);
        }

        var refused = await app.GetAsync("/api/reports", greedy);
        Assert.True(refused.Status == 429, $"request {FreshApp.RequestsPerMinute + 1} → {refused}");
        Assert.True(int.TryParse(refused.Header("Retry-After"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 60,
            $"Retry-After: {refused.Header("Retry-After")}");
        Assert.Contains("Limits:RequestsPerMinute", refused.Body, StringComparison.Ordinal);
        Disclosure.AssertClean(refused, "429");
        // Another token of the same subject is the same principal.
        Assert.Equal(429, (await app.GetAsync("/odata/Credits", app.Reader("limits-greedy", ["MIN18"]))).Status);

        // Another principal has its own budget; health stays outside the limit.
        Assert.Equal(200, (await app.GetAsync("/api/reports", app.Reader("limits-patient", ["MIN09"]))).Status);
        Assert.Equal(200, (await app.GetAsync("/health/live", null)).Status);
        Assert.Equal(200, (await app.GetAsync("/health/ready", null)).Status);
    }

    [Fact]
    public async Task The_latest_exercice_default_does_not_depend_on_who_asked_first()
    {
        // The "latest" default is cached per source for a minute. Filled by a caller without perimeter it must not
        // become "nothing" for everyone else (nor the latest year of one ministry for the others).
        var app = await fresh.GetAsync(warehouses);
        var latest = await IndependentSql.LatestExerciceAsync(app.Warehouse);
        var nobody = await app.GetAsync("/api/reports/INF-BUD-90/rows", app.Reader("limits-nobody", []));
        Assert.True(nobody.Status < 500, nobody.ToString());

        var admin = app.App.Token(roles: [Roles.Admin], subject: "limits-admin");
        var result = await app.GetAsync("/api/reports/INF-BUD-90/rows", admin);
        Assert.True(result.Status == 200, $"after a caller without perimeter, the default exercice is gone for an administrator: {result}");
        Assert.Equal(latest, result.Json.GetProperty("parameters").GetProperty("exercice").GetInt32());
        Assert.NotEqual(0m, result.Rows()[0].Decimal("MontantEngage"));
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Top_above_MaxTop_gets_400_naming_the_limit(WarehouseProvider provider)
    {
        var app = await SecurityApps.GetAsync(warehouses, provider, SecurityApps.Configured);
        var token = app.Reader("limits-top", ["MIN09"]);
        var max = SecurityApps.ConfiguredMaxTop.ToString(CultureInfo.InvariantCulture);
        var over = (SecurityApps.ConfiguredMaxTop + 1).ToString(CultureInfo.InvariantCulture);
        var exercice = (await IndependentSql.LatestExerciceAsync(app.Warehouse)).ToString(CultureInfo.InvariantCulture);

        foreach (var url in new[] { $"/odata/Credits?$top={over}", $"/odata/ConsommationParProgramme?exercice={exercice}&$top={over}", $"/api/reports/INF-BUD-40/rows?exercice={exercice}&top={over}" })
        {
            var result = await app.GetAsync(url, token);
            Assert.True(result.Status == 400, $"{url} → {result}");
            Assert.Contains(max, result.Body, StringComparison.Ordinal);
            Disclosure.AssertClean(result, url);
        }

        Assert.Equal(200, (await app.GetAsync($"/odata/Credits?$top={max}", token)).Status);
        Assert.Equal(200, (await app.GetAsync($"/api/reports/INF-BUD-40/rows?exercice={exercice}&top={max}", token)).Status);
    }

    [Fact]
    public async Task The_default_limits_are_explicit_not_unlimited()
    {
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var token = app.Reader("limits-default", ["MIN09"]);
        var top = await app.GetAsync("/odata/Credits?$top=100001", token);
        Assert.Equal(400, top.Status);
        Assert.Contains("100000", top.Body, StringComparison.Ordinal);
        var skip = await app.GetAsync("/odata/Credits?$skip=10000001", token);
        Assert.Equal(400, skip.Status);
        var nodes = await app.GetAsync("/odata/Credits?$filter=" + Uri.EscapeDataString(string.Join(" or ", Enumerable.Range(0, 60).Select(i => $"ProgrammeCode eq '{i:0000}'"))), token);
        Assert.Equal(400, nodes.Status);
    }
}
