using System.Globalization;
using Infocentre.Access;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Security.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Security;

/// <summary>
/// Service accounts authenticated by X-Api-Key (OWASP API2): a valid key carries its roles and perimeter; revoked,
/// unknown, malformed or doubled keys get 401; a key never falls back to a bearer token sent alongside.
/// Runs on copies of the tiny warehouse (<see cref="KeyedWarehouses"/>), never on the shared one.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class ApiKeyTests(TinyWarehouses warehouses, KeyedWarehouses keyed) : IClassFixture<KeyedWarehouses>
{
    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task A_valid_key_works_with_its_roles_and_perimeter(WarehouseProvider provider)
    {
        var app = await keyed.GetAsync(warehouses, provider);
        var key = app.Keys[KeyedApp.Min18Reader];
        var exercice = await IndependentSql.LatestExerciceAsync(app.Warehouse);
        var year = exercice.ToString(CultureInfo.InvariantCulture);
        var report = PerimeterTargets.Find("INF-BUD-40");
        var expected = (await report.ExpectedAsync(app.Warehouse, Perimeter.Of("MIN18"), exercice)).Sum;

        Assert.Equal(200, (await GetAsync(app, "/api/reports", key)).Status);
        var rows = (await GetAsync(app, $"/api/reports/INF-BUD-40/rows?exercice={year}", key)).Rows();
        Assert.All(rows, r => Assert.Equal("MIN18", r.Text("Ministere")));
        Assert.Equal(expected, rows.Sum(report.Measure));

        var groups = (await GetAsync(app, "/odata/Credits?$apply=groupby((MinistereCode))", key)).Rows();
        Assert.Equal("MIN18", Assert.Single(groups).Text("MinistereCode"));
        // A reader key is not an administrator.
        Assert.Equal(403, (await GetAsync(app, "/api/audit", key)).Status);
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task An_interministerial_admin_key_sees_every_ministry_and_reads_the_audit(WarehouseProvider provider)
    {
        var app = await keyed.GetAsync(warehouses, provider);
        var key = app.Keys[KeyedApp.Admin];
        var groups = (await GetAsync(app, "/odata/Credits?$apply=groupby((MinistereCode))", key)).Rows();
        Assert.Equal(["MIN09", "MIN18"], groups.Select(g => g.Text("MinistereCode")).Order(StringComparer.Ordinal));
        Assert.Equal(200, (await GetAsync(app, "/api/audit?top=1", key)).Status);
    }

    [Fact]
    public async Task A_programme_narrowed_key_sees_only_its_programme()
    {
        var app = await keyed.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var key = app.Keys[KeyedApp.Min09Programme0176];
        var groups = (await GetAsync(app, "/odata/Engagements?$apply=groupby((MinistereCode,ProgrammeCode))", key)).Rows();
        var group = Assert.Single(groups);
        Assert.Equal(("MIN09", "0176"), (group.Text("MinistereCode"), group.Text("ProgrammeCode")));
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task A_revoked_key_gets_401_from_the_next_request(WarehouseProvider provider)
    {
        var app = await keyed.GetAsync(warehouses, provider);
        var (prefix, key) = await app.CreateKeyAsync(KeyedApp.Revoked + "-" + Guid.NewGuid().ToString("N")[..6], [Roles.Reader], ["MIN09"]);
        Assert.Equal(200, (await GetAsync(app, "/api/reports", key)).Status);

        Assert.True(await app.RevokeAsync(prefix));

        var result = await GetAsync(app, "/api/reports", key);
        Assert.True(result.Status == 401, $"revoked key → {result}");
        Assert.Equal(401, (await GetAsync(app, "/odata/Credits", key)).Status);
    }

    public static TheoryData<string> BadKeys() =>
    [
        "empty", "prefix only", "malformed", "unknown prefix", "wrong secret", "secret of another key", "upper-case marker", "one character changed",
        "extra segment", "two keys in one header", "SQL in the prefix", "9 KB",
    ];

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task Malformed_unknown_or_mismatched_keys_get_401(string kind)
    {
        var app = await keyed.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var valid = app.Keys[KeyedApp.Min18Reader];
        var other = app.Keys[KeyedApp.Other];
        var parts = valid.Split('_');
        var key = kind switch
        {
            "empty" => "",
            "prefix only" => "ick_" + parts[1],
            "malformed" => "ick_abc_def",
            "unknown prefix" => "ick_zzzzzzzz_" + parts[2],
            "wrong secret" => $"ick_{parts[1]}_{new string('a', 40)}",
            "secret of another key" => $"ick_{parts[1]}_{other.Split('_')[2]}",
            "upper-case marker" => "ICK_" + valid[4..],
            "one character changed" => valid[..^1] + (valid[^1] == 'a' ? 'b' : 'a'),
            "extra segment" => valid + "_x",
            "two keys in one header" => valid + "," + other,
            "SQL in the prefix" => "ick_' OR 1=1_" + parts[2],
            "9 KB" => valid + new string('x', 9_000),
            _ => throw new ArgumentException(kind, nameof(kind)),
        };

        var result = await GetAsync(app, "/api/reports", key);
        Assert.True(result.Status == 401, $"{kind} → {result}");
        Disclosure.AssertClean(result, kind);
    }

    [Theory]
    [InlineData("the same valid key twice")]
    [InlineData("a valid key and an unknown one")]
    [InlineData("an unknown key and a valid one")]
    public async Task Two_X_Api_Key_headers_get_401(string kind)
    {
        var app = await keyed.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var valid = app.Keys[KeyedApp.Admin];
        var unknown = "ick_abcdefgh_" + new string('x', 40);
        string[] keys = kind switch
        {
            "the same valid key twice" => [valid, valid],
            "a valid key and an unknown one" => [valid, unknown],
            _ => [unknown, valid],
        };

        var result = await app.App.GetAsync("/api/audit", null, r =>
        {
            foreach (var key in keys)
            {
                r.Headers.TryAddWithoutValidation(ApiKeys.HeaderName, key);
            }
        });
        Assert.True(result.Status == 401, $"{kind} → {result}");
    }

    [Fact]
    public async Task A_key_decides_alone_even_with_a_bearer_token_alongside()
    {
        var app = await keyed.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var admin = app.App.AdminToken;
        // An unknown key with a valid administrator token: still 401, no fall-back to the token.
        var unknown = await app.App.GetAsync("/api/reports", admin, r => r.Headers.TryAddWithoutValidation(ApiKeys.HeaderName, "ick_abcdefgh_" + new string('x', 40)));
        Assert.Equal(401, unknown.Status);
        // A reader key with an administrator token: the key's roles apply.
        var reader = await app.App.GetAsync("/api/audit", admin, r => r.Headers.TryAddWithoutValidation(ApiKeys.HeaderName, app.Keys[KeyedApp.Min18Reader]));
        Assert.Equal(403, reader.Status);
    }

    [Fact]
    public async Task The_audit_names_the_key_that_ran_a_report()
    {
        var app = await keyed.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var exercice = (await IndependentSql.LatestExerciceAsync(app.Warehouse)).ToString(CultureInfo.InvariantCulture);
        Assert.Equal(200, (await GetAsync(app, $"/api/reports/INF-BUD-40/rows?exercice={exercice}", app.Keys[KeyedApp.Other])).Status);
        var entry = await AuditTests.WaitForEntryAsync(app.App, "apikey:" + KeyedApp.Other, app.App.AdminToken, e => e.GetProperty("report").GetString() == "INF-BUD-40");
        Assert.Equal(200, entry.GetProperty("status").GetInt32());
    }

    private static Task<ApiResult> GetAsync(KeyedApp app, string url, string key) =>
        app.App.GetAsync(url, null, r => r.Headers.TryAddWithoutValidation(ApiKeys.HeaderName, key));
}
