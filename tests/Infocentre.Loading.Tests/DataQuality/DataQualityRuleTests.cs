using Infocentre.Loading.Common;

namespace Infocentre.Loading.Tests.DataQuality;

public sealed class DataQualityRuleTests(TinyTemplate tiny) : IClassFixture<TinyTemplate>
{
    [Fact]
    public async Task Warnings_are_stored_and_their_lines_loaded()
    {
        var warehouse = tiny.NewSqlite();
        await warehouse.LoadAsync("ref-tiers.csv");

        var result = await warehouse.LoadAsync("inf-bud-53-warnings.csv");

        Assert.Equal(4, result.RowsLoaded);
        var warnings = result.Findings.Select(f => (f.Rule.Code, f.Line, f.Column, f.Value)).OrderBy(f => f.Code).ToList();
        Assert.Equal(
        [
            ("DQ-010", 8, "Date de dernière opération sur la DP", "20.12.2023"),
            // EJ 1300000001/1: 1 780,46 engaged, 1 780,46 paid by the tiny data set plus 5 000,00 here.
            ("DQ-011", null, "N° EJ", "1300000001/1"),
            ("DQ-012", 11, "Code taxe 1", "#"),
            ("DQ-013", 10, "Code taxe 1", "74197530400428"),
        ], warnings);
        Assert.All(result.Findings, f => Assert.Equal(Severity.Warning, f.Rule.Severity));
        var stored = await warehouse.RowsAsync($"SELECT code FROM load_finding WHERE load_run_id = {result.LoadId} ORDER BY code");
        Assert.Equal(["DQ-010", "DQ-011", "DQ-012", "DQ-013"], stored.Select(s => s[0]));
    }

    [Fact]
    public async Task An_unknown_tiers_is_rejected_before_its_referential_is_loaded()
    {
        var warehouse = tiny.NewSqlite();

        var result = await warehouse.LoadAsync("inf-bud-53-warnings.csv", new LoadOptions { MaxRejectionRate = 0.5 });

        var rejection = Assert.Single(result.Findings, f => f.Rule.Severity == Severity.Error);
        Assert.Equal(("DQ-004", 11L, "Fournisseur payé (DP)", "1000009999"), (rejection.Rule.Code, rejection.Line!.Value, rejection.Column, rejection.Value));
    }

    [Fact]
    public void Every_rule_has_a_unique_code_and_is_documented()
    {
        var doc = File.ReadAllText(Path.Combine(FindRoot(), "docs", "loading.md"));
        Assert.Equal(DataQualityRules.All.Count, DataQualityRules.All.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(DataQualityRules.All, r => Assert.Contains("| " + r.Code + " |", doc, StringComparison.Ordinal));
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Infocentre.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Infocentre.sln not found above the test binaries.");
    }
}
