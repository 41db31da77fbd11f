using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.Loading.Common;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Catalogue;

/// <summary>
/// INF-QUA-01, the findings of the loads, against plain SQL over load_finding and load_run, with the rule titles
/// of the loader's own catalogue (DataQualityRules), in the documented default order: newest load first, then
/// line of the file (0 for a finding without line) and rule.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class QualiteGoldenTests(TinyWarehouses warehouses)
{
    private static async Task<List<Row>> ExpectedAsync(WarehouseOptions warehouse)
    {
        var titles = DataQualityRules.All.ToDictionary(r => r.Code, r => r.Title, StringComparer.Ordinal);
        var rows = await PlainSql.QueryAsync(warehouse, """
            SELECT f.id, f.load_run_id, r.file_name, r.kind, r.status, r.started_at, f.code, f.severity, f.line, f."column" AS col, f.value, f.message
            FROM load_finding f, load_run r WHERE r.id = f.load_run_id
            """);
        // One row per distinct finding of a load: identical findings (same line, rule, column, value, message) are counted.
        return [.. rows
            .GroupBy(r => (Load: r.Long("load_run_id")!.Value, Kind: r.Text("kind")!, File: r.Text("file_name")!, Code: r.Text("code")!,
                Severity: r.Text("severity")!, Line: r.Long("line") ?? 0, Column: r.Text("col") ?? Expected.NotAssigned,
                Value: r.Text("value") ?? Expected.NotAssigned, Message: r.Text("message")!))
            .OrderByDescending(g => g.Key.Load).ThenBy(g => g.Key.Line).ThenBy(g => g.Key.Code, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.File, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Severity, StringComparer.Ordinal).ThenBy(g => titles[g.Key.Code], StringComparer.Ordinal)
            .ThenBy(g => g.Key.Column, StringComparer.Ordinal).ThenBy(g => g.Key.Value, StringComparer.Ordinal).ThenBy(g => g.Key.Message, StringComparer.Ordinal)
            .Select(g => Expected.Make(
                ("Chargement", g.Key.Load), ("TypeExtrait", g.Key.Kind), ("Fichier", g.Key.File), ("Regle", g.Key.Code),
                ("Gravite", g.Key.Severity), ("RegleLibelle", titles[g.Key.Code]), ("LigneFichier", g.Key.Line),
                ("Colonne", g.Key.Column), ("Valeur", g.Key.Value), ("Message", g.Key.Message),
                ("DateChargement", g.Max(r => r.Date("started_at"))), ("NombreConstats", g.Count())))];
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Qua01_lists_every_finding_newest_load_first_with_its_rule_title(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var expected = await ExpectedAsync(app.Warehouse);
        // The tiny seed's journal has a load with rejections and warnings, and a refused ledger load.
        Assert.Contains(expected, r => r.Text("Gravite") == "warning");
        Assert.Contains(expected, r => r.Text("Regle") == "DQ-007" && r.Text("TypeExtrait") == "inf-cge-03");
        Assert.Contains(expected, r => r.Number("LigneFichier") == 0);

        var rows = Rows.From((await app.Client.GetOkAsync("/api/reports/INF-QUA-01/rows?top=100000")).Json.GetProperty("rows"));

        Rows.AssertSameSequence(expected, rows, $"INF-QUA-01 on {provider}");
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Qua01_parameters_narrow_to_one_load_one_rule_or_one_severity(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var expected = await ExpectedAsync(app.Warehouse);
        var load = expected.Select(r => r.Number("Chargement")).Min()!.Value;

        async Task<List<Row>> Rows_(string query) =>
            Rows.From((await app.Client.GetOkAsync($"/api/reports/INF-QUA-01/rows?top=100000&{query}")).Json.GetProperty("rows"));

        Rows.AssertSameSequence([.. expected.Where(r => r.Number("Chargement") == load)], await Rows_($"chargement={load}"), "one load");
        Rows.AssertSameSequence([.. expected.Where(r => r.Text("Regle") == "DQ-007")], await Rows_("regle=DQ-007"), "one rule");
        Rows.AssertSameSequence([.. expected.Where(r => r.Text("Gravite") == "warning")], await Rows_("gravite=warning"), "warnings");
        Assert.Empty(await Rows_("depuis=2999-01-01"));

        // Grouped counts per rule, as a data steward asks for them.
        var grouped = (await app.Client.GetOkAsync("/odata/ConstatsQualiteChargements?$apply=groupby((Regle),aggregate(NombreConstats with sum as Total))")).Json;
        var perRule = grouped.GetProperty("value").EnumerateArray().ToDictionary(r => r.GetProperty("Regle").GetString()!, r => r.GetProperty("Total").GetDecimal());
        Assert.Equal(expected.GroupBy(r => r.Text("Regle")!).ToDictionary(g => g.Key, g => (decimal)g.Count()), perRule);
    }
}
