using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Reports;

/// <summary>
/// Every report of reports/ served over OData returns exactly the rows computed with plain SQL over the fact and
/// dimension tables (see <see cref="Expected"/>), on both engines, for the default (latest) and an explicit exercice.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class ReportGoldenTests(TinyWarehouses warehouses)
{
    public static readonly IReadOnlyDictionary<string, string> EntitySets = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["INF-BUD-01"] = "SituationCreditsParProgramme",
        ["INF-BUD-40"] = "ConsommationParProgramme",
        ["INF-BUD-53"] = "PilotageGestionVueDetaillee",
        ["INF-BUD-90"] = "SyntheseExecutionBudgetaire",
        ["INF-CGE-01"] = "BalanceGenerale",
        ["INF-DEP-02"] = "DemandesPaiementParStatut",
        ["INF-DEP-56"] = "DelaiGlobalPaiement",
        ["INF-REC-05"] = "RestesARecouvrerParProgramme",
        ["INF-SUB-01"] = "VersementsAuxAssociations",
    };

    public static TheoryData<WarehouseProvider, string> ReportsOnBothEngines()
    {
        var data = new TheoryData<WarehouseProvider, string>();
        foreach (var provider in new[] { WarehouseProvider.Sqlite, WarehouseProvider.PostgreSql })
        {
            foreach (var code in EntitySets.Keys)
            {
                data.Add(provider, code);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReportsOnBothEngines))]
    public async Task Report_with_default_parameters_equals_plain_sql_over_the_facts_for_the_latest_exercice(WarehouseProvider provider, string code)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var latest = await Expected.LatestExerciceAsync(app.Warehouse, code);
        var expected = await Expected.RowsAsync(app.Warehouse, code, latest);
        Assert.NotEmpty(expected);

        var response = await app.Client.GetOkAsync($"/odata/{EntitySets[code]}");

        Assert.Null(response.ODataNextLink());
        Rows.AssertSameSet(expected, response.ODataRows(), Expected.Keys[code], $"{code} on {provider}, exercice {latest} (latest)");
    }

    [Theory]
    [MemberData(nameof(ReportsOnBothEngines))]
    public async Task Report_for_an_earlier_exercice_given_as_query_parameter_equals_plain_sql(WarehouseProvider provider, string code)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var exercice = await Expected.LatestExerciceAsync(app.Warehouse, code) - 1;
        var expected = await Expected.RowsAsync(app.Warehouse, code, exercice);

        var response = await app.Client.GetOkAsync($"/odata/{EntitySets[code]}?exercice={exercice.Invariant()}");

        Rows.AssertSameSet(expected, response.ODataRows(), Expected.Keys[code], $"{code} on {provider}, exercice {exercice}");
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Default_exercice_is_the_latest_loaded_and_is_echoed_by_rest(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var latest = await Expected.LatestExerciceAsync(app.Warehouse, "INF-BUD-40");

        var byDefault = await app.Client.GetOkAsync("/odata/ConsommationParProgramme");
        var explicitly = await app.Client.GetOkAsync($"/odata/ConsommationParProgramme?exercice={latest.Invariant()}");
        var rest = await app.Client.GetOkAsync("/api/reports/INF-BUD-40/rows");

        Rows.AssertSameSequence(explicitly.ODataRows(), byDefault.ODataRows(), "no exercice = the latest exercice loaded");
        Assert.Equal(latest, rest.Json.GetProperty("parameters").GetProperty("exercice").GetInt32());
    }
}
