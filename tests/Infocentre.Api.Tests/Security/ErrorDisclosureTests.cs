using System.Globalization;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Security.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Security;

/// <summary>
/// OWASP API8 (security misconfiguration): outside Development (the test service runs as Production) no error
/// carries a stack trace, an exception type name, an internal path or SQL, whatever produced it: query
/// validation, parameter binding, routing, the database, or an unexpected failure.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class ErrorDisclosureTests(TinyWarehouses warehouses)
{
    public static TheoryData<WarehouseProvider, string> ErrorRequests()
    {
        string[] urls =
        [
            "/odata/Credits?$filter=Nope eq 1",
            "/odata/Credits?$filter=AeLfi eq 'x'",
            "/odata/Credits?$apply=aggregate(AeLfi with foo as X)",
            "/odata/Credits?$top=abc",
            "/odata/Credits?$expand=*",
            "/odata/Credits?$orderby=Nope",
            "/odata/Credits?$select=Nope",
            "/odata/Credits?ministere=MIN18",
            "/odata/ConsommationParProgramme?exercice=abc",
            "/odata/ConsommationParProgramme?exercice={E}&$filter=Ministere eq",
            "/odata/Nope",
            "/api/reports/INF-BUD-40/rows?exercice=abc",
            "/api/reports/INF-BUD-40/rows?exercice={E}&filter=Nope eq 1",
            "/api/reports/INF-BUD-40/rows?exercice={E}&filter=Paye eq 'x'",
            "/api/reports/INF-BUD-40/rows?exercice={E}&orderby=Nope",
            "/api/reports/INF-BUD-40/rows?exercice={E}&top=abc",
            "/api/reports/INF-BUD-40/rows?exercice={E}&unknown=1",
            "/api/reports/NOPE/rows",
            "/api/reports/INF-BUD-40/parameters/nope/values",
            "/api/audit",
            // Failures past validation: the binder overflowing, SQL the engine refuses. Whatever the status, the body is generic.
            "/api/reports/INF-BUD-40/rows?exercice={E}&filter=Paye gt 1.0E+400",
            "/api/reports/INF-BUD-40/rows?exercice={E}&filter=Paye div 0M gt 0",
            "/api/reports/INF-BUD-40/rows?exercice={E}&filter=cast(Ministere,'Edm.Int32') eq 1",
            "/api/reports/INF-BUD-53/rows?exercice={E}&filter=PosteEj mul 2147483647 gt 0",
            "/odata/Credits?$filter=AeLfi gt 1.0E+400",
            "/odata/Credits?$orderby=@a",
        ];
        var data = new TheoryData<WarehouseProvider, string>();
        foreach (var provider in new[] { WarehouseProvider.Sqlite, WarehouseProvider.PostgreSql })
        {
            foreach (var url in urls)
            {
                data.Add(provider, url);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ErrorRequests))]
    public async Task Errors_carry_no_stack_trace_exception_type_or_sql(WarehouseProvider provider, string url)
    {
        var app = await SecurityApps.GetAsync(warehouses, provider);
        var exercice = (await IndependentSql.LatestExerciceAsync(app.Warehouse)).ToString(CultureInfo.InvariantCulture);
        var request = url.Replace("{E}", exercice, StringComparison.Ordinal);
        var result = await app.GetAsync(request, app.Reader("errors-reader", ["MIN09"]));
        Disclosure.AssertClean(result, request);
        Assert.DoesNotContain("\"exception\"", result.Body, StringComparison.OrdinalIgnoreCase);
        if (result.Status >= 500)
        {
            // An unexpected failure says so, and nothing more.
            Assert.Contains("An error occurred", result.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Authentication_failures_do_not_say_which_check_failed_in_the_body()
    {
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var expired = Tokens.Reader(app.App.SigningKey, new() { ["exp"] = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds(), ["nbf"] = DateTimeOffset.UtcNow.AddMinutes(-20).ToUnixTimeSeconds() });
        var result = await app.GetAsync("/api/reports", expired);
        Assert.Equal(401, result.Status);
        Disclosure.AssertClean(result, "expired token");
        Assert.DoesNotContain("lifetime", result.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("signature", result.Body, StringComparison.OrdinalIgnoreCase);
    }
}
