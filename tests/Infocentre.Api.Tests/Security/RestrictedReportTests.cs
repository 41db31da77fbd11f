using Infocentre.Access;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Security.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Security;

/// <summary>
/// Reports and sources restricted to roles (INF-QUA-01 and its source ConstatsChargement: the loader's findings
/// quote lines of every ministry): a caller without the role gets a 403 on every route, OData (rows, $apply,
/// $count, the source entity set), REST (definition, rows, list of values) and exports, with no finding in the
/// body, and does not see the report in the catalogue; a caller with the role reads it.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class RestrictedReportTests(TinyWarehouses warehouses)
{
    private const string Code = "INF-QUA-01";

    /// <summary>A value of the findings the tiny seed stores (a centre de coûts of no ministry's referential).</summary>
    private const string FindingValue = "SJVSDAT999";

    private static readonly string[] Routes =
    [
        "/odata/ConstatsQualiteChargements",
        "/odata/ConstatsQualiteChargements?$apply=groupby((Regle),aggregate(NombreConstats with sum as Total))",
        "/odata/ConstatsQualiteChargements?$count=true&$top=0",
        "/odata/ConstatsChargement",
        "/odata/ConstatsChargement?$filter=Valeur eq 'SJVSDAT999'",
        $"/api/reports/{Code}",
        $"/api/reports/{Code}/rows",
        $"/api/reports/{Code}/parameters/regle/values",
        $"/api/reports/{Code}/export.xlsx",
        $"/api/reports/{Code}/export.csv",
    ];

    public static TheoryData<WarehouseProvider, string> Callers()
    {
        var data = new TheoryData<WarehouseProvider, string>();
        foreach (var provider in new[] { WarehouseProvider.Sqlite, WarehouseProvider.PostgreSql })
        {
            foreach (var caller in new[] { "reader-MIN09", "analyst-MIN18", "exporter-all", "analyst-all" })
            {
                data.Add(provider, caller);
            }
        }

        return data;
    }

    private static string Token(SecurityApp app, string caller)
    {
        var (role, perimeter) = (caller.Split('-')[0], caller.Split('-')[1]);
        return app.TokenFor(perimeter == "all" ? Perimeter.All : Perimeter.Of(perimeter), role);
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task A_caller_without_the_role_gets_403_on_every_route_and_no_finding(WarehouseProvider provider, string caller)
    {
        var app = await SecurityApps.GetAsync(warehouses, provider);
        var token = Token(app, caller);

        foreach (var route in Routes)
        {
            var response = await app.GetAsync(route, token);

            Assert.True(response.Status == 403, $"GET {route} as {caller}: {response.Status} {response.Body}");
            Assert.DoesNotContain(FindingValue, response.Body, StringComparison.Ordinal);
        }

        var catalogue = (await app.GetOkAsync("/api/reports", token)).Json.EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
        Assert.DoesNotContain(Code, catalogue);
        Assert.Contains("INF-BUD-53", catalogue);
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task A_loader_analyst_of_one_ministry_and_an_admin_read_every_finding_on_every_route(WarehouseProvider provider)
    {
        var app = await SecurityApps.GetAsync(warehouses, provider);
        // An analyst (reader and exporter, exports need the exporter role) who also loads extracts.
        var loader = app.App.Token(roles: [Roles.Analyst, Roles.Loader], ministeres: ["MIN09"], interministeriel: false,
            lifetime: TimeSpan.FromHours(1), subject: "restricted-loader");
        var findings = await IndependentCountAsync(app.Warehouse);
        Assert.True(findings > 0, "the tiny seed stores findings");

        foreach (var token in new[] { loader, app.AdminToken })
        {
            foreach (var route in Routes)
            {
                var response = await app.GetAsync(route, token);
                Assert.True(response.Status == 200, $"GET {route}: {response.Status} {response.Body}");
            }

            // The findings are not ministry data: a loader of MIN09 reads them all.
            var rows = (await app.GetOkAsync($"/api/reports/{Code}/rows?count=true", token)).Json;
            Assert.Equal(findings, rows.GetProperty("count").GetInt64());
            var listed = (await app.GetOkAsync("/api/reports", token)).Json.EnumerateArray().Single(r => r.GetProperty("code").GetString() == Code);
            Assert.Equal(["loader"], listed.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        }
    }

    private static async Task<long> IndependentCountAsync(WarehouseOptions warehouse)
    {
        var rows = await Reports.Support.PlainSql.QueryAsync(warehouse, "SELECT COUNT(*) AS n FROM load_finding");
        return rows[0].Long("n")!.Value;
    }
}
