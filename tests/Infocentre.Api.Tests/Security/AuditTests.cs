using System.Globalization;
using System.Text.Json;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Security.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Security;

/// <summary>
/// The audit trail (OWASP API9/API10 accountability): who ran which report, with which query, what status and how
/// many rows; readable by administrators only; credentials passed in a query string never recorded.
/// Entries are written asynchronously in batches, so the tests poll GET /api/audit briefly.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class AuditTests(TinyWarehouses warehouses)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task A_REST_report_request_is_audited_with_principal_report_query_status_and_rows(WarehouseProvider provider)
    {
        var app = await SecurityApps.GetAsync(warehouses, provider);
        var subject = "audit-rest-" + Guid.NewGuid().ToString("N")[..8];
        var exercice = (await IndependentSql.LatestExerciceAsync(app.Warehouse)).ToString(CultureInfo.InvariantCulture);
        var response = await app.GetOkAsync($"/api/reports/INF-BUD-40/rows?exercice={exercice}&top=1", app.Reader(subject, ["MIN09"]));
        Assert.Single(response.Rows());

        var entry = await WaitForEntryAsync(app, subject, app.AdminToken, e => e.GetProperty("report").GetString() == "INF-BUD-40");
        Assert.Equal("GET", entry.GetProperty("method").GetString());
        Assert.Equal("/api/reports/INF-BUD-40/rows", entry.GetProperty("path").GetString());
        Assert.Contains($"exercice={exercice}", entry.GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.Contains("top=1", entry.GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, entry.GetProperty("status").GetInt32());
        Assert.Equal(1, entry.GetProperty("rows").GetInt64());
    }

    [Fact]
    public async Task An_OData_report_request_is_audited_with_its_row_count()
    {
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var subject = "audit-odata-" + Guid.NewGuid().ToString("N")[..8];
        var exercice = (await IndependentSql.LatestExerciceAsync(app.Warehouse)).ToString(CultureInfo.InvariantCulture);
        var rows = (await app.GetOkAsync($"/odata/ConsommationParProgramme?exercice={exercice}", app.Reader(subject, ["MIN09"]))).Rows();

        var entry = await WaitForEntryAsync(app, subject, app.AdminToken, e => e.GetProperty("report").GetString() == "INF-BUD-40");
        Assert.Equal(200, entry.GetProperty("status").GetInt32());
        Assert.Contains($"exercice={exercice}", entry.GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.True(entry.GetProperty("rows").ValueKind == JsonValueKind.Number, $"OData request audited without its row count: {entry}");
        Assert.Equal(rows.Count, entry.GetProperty("rows").GetInt64());
    }

    [Fact]
    public async Task A_refused_report_request_is_audited_with_its_status()
    {
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var subject = "audit-refused-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(400, (await app.GetAsync("/api/reports/INF-BUD-40/rows?exercice=abc", app.Reader(subject, ["MIN09"]))).Status);
        var entry = await WaitForEntryAsync(app, subject, app.AdminToken, _ => true);
        Assert.Equal(400, entry.GetProperty("status").GetInt32());
        Assert.Equal("INF-BUD-40", entry.GetProperty("report").GetString());
    }

    [Theory]
    [InlineData("access_token")]
    [InlineData("ACCESS_TOKEN")]
    [InlineData("Access_Token")]
    [InlineData("access%5Ftoken")]
    [InlineData("api_key")]
    [InlineData("apikey")]
    [InlineData("token")]
    [InlineData("key")]
    public async Task Credentials_in_the_query_string_never_reach_the_audit(string name)
    {
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var subject = "audit-secret-" + Guid.NewGuid().ToString("N")[..8];
        var secret = "SECRET" + Guid.NewGuid().ToString("N");
        var token = app.Reader(subject, ["MIN09"]);
        var exercice = (await IndependentSql.LatestExerciceAsync(app.Warehouse)).ToString(CultureInfo.InvariantCulture);
        // Whatever the answer (a report takes no such parameter), the request is audited.
        await app.GetAsync($"/api/reports/INF-BUD-40/rows?exercice={exercice}&{name}={secret}", token);
        await app.GetAsync($"/odata/ConsommationParProgramme?exercice={exercice}&{name}={secret}", token);
        await app.GetAsync($"/odata/Credits?{name}={secret}&$top=1", token);

        await WaitForEntryAsync(app, subject, app.AdminToken, _ => true, count: 3);
        var audit = await app.GetOkAsync($"/api/audit?principal={subject}&top=100", app.AdminToken);
        Assert.DoesNotContain(secret, audit.Body, StringComparison.Ordinal);
        Assert.All(audit.Json.EnumerateArray(), e => Assert.DoesNotContain(secret, e.GetProperty("query").GetString() ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_administrators_read_the_audit()
    {
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        Assert.Equal(401, (await app.GetAsync("/api/audit", null)).Status);
        Assert.Equal(403, (await app.GetAsync("/api/audit", app.Reader("audit-reader", ["MIN09"]))).Status);
        Assert.Equal(403, (await app.GetAsync("/api/audit", app.App.Token(roles: ["exporter", "loader"], subject: "audit-loader"))).Status);
        Assert.Equal(200, (await app.GetAsync("/api/audit?top=1", app.AdminToken)).Status);
        Assert.Equal(400, (await app.GetAsync("/api/audit?top=100000", app.AdminToken)).Status);
    }

    /// <summary>Polls GET /api/audit?principal=… until an entry matches (at least <paramref name="count"/> entries), newest first.</summary>
    internal static async Task<JsonElement> WaitForEntryAsync(SecurityApp app, string principal, string adminToken, Func<JsonElement, bool> match, int count = 1)
    {
        var deadline = DateTime.UtcNow + Patience;
        ApiResult? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await app.GetOkAsync($"/api/audit?principal={Uri.EscapeDataString(principal)}&top=100", adminToken);
            var entries = last.Json.EnumerateArray().ToList();
            if (entries.Count >= count && entries.FirstOrDefault(match) is { ValueKind: JsonValueKind.Object } entry)
            {
                Assert.Equal(principal, entry.GetProperty("principal").GetString());
                return entry.Clone();
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No audit entry for {principal} within {Patience.TotalSeconds} s: {last}");
    }
}
