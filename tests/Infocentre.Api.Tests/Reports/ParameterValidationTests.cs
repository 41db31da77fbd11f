using System.Net;
using System.Text.Json;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Reports;

/// <summary>
/// Report parameters are checked before any query runs: a bad one is a 400 whose body names it, in the OData
/// error format on /odata and as ProblemDetails on /api/reports.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class ParameterValidationTests(TinyWarehouses warehouses)
{
    /// <summary>Report code, query string, the parameter the error must name.</summary>
    public static TheoryData<string, string, string> BadParameters() => new()
    {
        { "INF-BUD-40", "exercice=abc", "exercice" },
        { "INF-BUD-40", "exercice=2024.5", "exercice" },
        { "INF-BUD-40", "exercice=", "exercice" },
        { "INF-BUD-40", "exercice=99999999999", "exercice" },
        { "INF-BUD-40", "foo=1", "foo" },
        { "INF-BUD-40", "Exercice=2024", "Exercice" },
        { "INF-BUD-40", "exercice=2023&exercice=2024", "exercice" },
        { "INF-DEP-02", "statut=XXX", "statut" },
        { "INF-DEP-02", "statut=pay", "statut" },
        { "INF-CGE-01", "periode=13", "periode" },
        { "INF-SUB-01", "branche=Z999", "branche" },
        // Alias injection: a value is a value, never a property, an alias or an expression.
        { "INF-BUD-40", "exercice=Exercice", "exercice" },
        { "INF-BUD-40", "exercice=@exercice", "exercice" },
        { "INF-BUD-53", "programme=ProgrammeCode", "programme" },
        { "INF-BUD-53", "programme='0163' or 1 eq 1", "programme" },
        { "INF-BUD-53", "programme=0163') or (1 eq 1", "programme" },
    };

    private static string Url(string prefix, string code, string query)
    {
        var pairs = query.Split('&').Select(p => p.Split('=', 2)).Select(p => p[0] + "=" + Uri.EscapeDataString(p[1]));
        var path = prefix == "odata" ? $"/odata/{ReportGoldenTests.EntitySets[code]}" : $"/api/reports/{code}/rows";
        return path + "?" + string.Join("&", pairs);
    }

    internal static void AssertODataParameterError(ApiResponse response, string parameter)
    {
        Assert.True(response.Status == HttpStatusCode.BadRequest, response.ToString());
        Assert.Equal("application/json", response.MediaType);
        var error = response.Json.GetProperty("error");
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        var targets = error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("target").GetString()).ToList();
        Assert.Contains(parameter, targets);
    }

    internal static void AssertProblemParameterError(ApiResponse response, string parameter)
    {
        Assert.True(response.Status == HttpStatusCode.BadRequest, response.ToString());
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(400, response.Json.GetProperty("status").GetInt32());
        Assert.Contains(parameter, response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(response.Json.GetProperty("errors").TryGetProperty(parameter, out _), response.Body);
    }

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task OData_rejects_a_bad_parameter_with_an_odata_error_naming_it(string code, string query, string parameter)
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var response = await app.Client.FetchAsync(Url("odata", code, query));

        AssertODataParameterError(response, parameter);
    }

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task Rest_rejects_a_bad_parameter_with_problem_details_naming_it(string code, string query, string parameter)
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var response = await app.Client.FetchAsync(Url("rest", code, query));

        AssertProblemParameterError(response, parameter);
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Injection_attempts_never_widen_the_rows(WarehouseProvider provider)
    {
        // Whatever the status, a value that looks like an expression must not match anything but itself.
        var app = await SharedApps.GetAsync(warehouses, provider);
        foreach (var value in new[] { "ProgrammeCode", "'0163' or 1 eq 1", "0163') or (1 eq 1", "@programme" })
        {
            var response = await app.Client.FetchAsync("/odata/PilotageGestionVueDetaillee" + Http.Query(("programme", value)));
            Assert.True(response.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, response.ToString());
            if (response.Status == HttpStatusCode.OK)
            {
                Assert.Empty(response.ODataRows());
            }
        }
    }

    [Fact]
    public async Task A_missing_required_parameter_without_default_is_named()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite, SharedApps.Custom);

        AssertODataParameterError(await app.Client.FetchAsync($"/odata/{TestCatalogue.EntitySet}"), "exercice");
        AssertProblemParameterError(await app.Client.FetchAsync($"/api/reports/{TestCatalogue.Code}/rows"), "exercice");
        AssertODataParameterError(await app.Client.FetchAsync($"/odata/{TestCatalogue.EntitySet}?seuil=10"), "exercice");
    }

    [Theory]
    [InlineData("seuil=1,5", "seuil")]
    [InlineData("seuil=1e3", "seuil")]
    [InlineData("seuil=abc", "seuil")]
    [InlineData("depuis=2024-13-01", "depuis")]
    [InlineData("depuis=01/02/2024", "depuis")]
    [InlineData("paye=yes", "paye")]
    [InlineData("paye=True", "paye")]
    public async Task Ill_typed_decimal_date_and_bool_parameters_are_named(string query, string parameter)
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite, SharedApps.Custom);

        AssertODataParameterError(await app.Client.FetchAsync(Url2(query, "odata")), parameter);
        AssertProblemParameterError(await app.Client.FetchAsync(Url2(query, "rest")), parameter);

        static string Url2(string query, string route)
        {
            var (name, value) = (query.Split('=', 2)[0], query.Split('=', 2)[1]);
            var path = route == "odata" ? $"/odata/{TestCatalogue.EntitySet}" : $"/api/reports/{TestCatalogue.Code}/rows";
            return path + Http.Query(("exercice", "2024"), (name, value));
        }
    }

    [Fact]
    public async Task Every_error_of_a_request_is_reported_at_once()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var response = await app.Client.FetchAsync("/odata/PilotageGestionVueDetaillee?exercice=abc&foo=1&programme=0163&programme=0176");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var targets = response.Json.GetProperty("error").GetProperty("details").EnumerateArray()
            .Select(d => d.GetProperty("target").GetString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["exercice", "foo", "programme"], targets);
    }

    [Fact]
    public async Task Typed_parameters_of_every_type_filter_the_rows()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite, SharedApps.Custom);
        var dates = await PlainSql.QueryAsync(app.Warehouse, "SELECT 'DP' AS source, date_derniere_operation AS d, montant, statut FROM fact_demande_paiement WHERE exercice = 2024");
        var expected = dates
            .Where(r => r.Text("statut") == "PAY" && r.Amount("montant") >= 1000.5m && string.CompareOrdinal(r.Date("d"), "2024-06-01") >= 0)
            .Sum(r => r.Amount("montant"));
        Assert.NotEqual(0m, expected);

        var response = await app.Client.GetOkAsync($"/odata/{TestCatalogue.EntitySet}?exercice=2024&seuil=1000.50&depuis=2024-06-01&paye=true");

        Assert.Equal(expected, response.ODataRows().Sum(r => r.Number("Paye")));
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task A_formula_dividing_by_zero_gives_an_empty_cell(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider, SharedApps.Custom);
        var lines = await Expected.ExecutionLinesAsync(app.Warehouse, 2024);

        var rows = (await app.Client.GetOkAsync($"/odata/{TestCatalogue.EntitySet}?exercice=2024")).ODataRows();

        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            Assert.Null(row["ParZero"]);
            var paye = lines.Where(l => l.Programme == row.Text("Programme")).Sum(l => l.Paye);
            Assert.Equal(paye, row.Number("Paye"));
            Assert.Equal(paye / 2, row.Number("Moitie"));
        }
    }

    [Fact]
    public async Task Parameter_errors_are_json_even_when_asking_for_another_format()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var response = await app.Client.FetchAsync("/odata/ConsommationParProgramme?exercice=abc&$format=json");

        AssertODataParameterError(response, "exercice");
        Assert.Equal(JsonValueKind.Object, response.Json.ValueKind);
    }
}
