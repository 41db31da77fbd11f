namespace Infocentre.Reports.Tests;

/// <summary>`infocentre validate [folder]`, run as a process on the built CLI: 0 on reports/, 1 with file and field messages otherwise.</summary>
public sealed class CliValidateTests
{
    private static Task<CliRun> ValidateAsync(string folder) => CliProcess.RunAsync("validate", folder);

    private static string Broken(string find, string replace) => DefinitionValidationTests.Broken(find, replace);

    [Fact]
    public async Task The_reports_folder_is_valid()
    {
        var run = await ValidateAsync(TestPaths.Reports);

        Assert.True(run.ExitCode == 0, run.ToString());
        var count = Directory.EnumerateFiles(TestPaths.Reports, "*.yaml", SearchOption.AllDirectories).Count();
        Assert.Contains($"{count} report definitions", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_folder_exits_1_listing_every_file_and_field()
    {
        using var catalogue = new TempCatalogue(
            ("budget/INF-TST-01.yaml", Broken("source: ExecutionBudgetaire", "source: Inexistante")),
            ("budget/INF-TST-02.yaml", Broken("code: INF-TST-01", "code: INF-TST-02")
                .Replace("entitySet: TestRapport", "entitySet: TestRapportDeux", StringComparison.Ordinal)
                .Replace("property: MontantPaye", "property: ProgrammeLibelle", StringComparison.Ordinal)
                .Replace("orderBy: [Programme, Centre desc]", "orderBy: [Inconnue]", StringComparison.Ordinal)));

        var run = await ValidateAsync(catalogue.Folder);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("budget/INF-TST-01.yaml: source:", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("budget/INF-TST-02.yaml: measures[0].property:", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("budget/INF-TST-02.yaml: orderBy[0]:", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_yaml_error_exits_1_naming_the_file_and_line()
    {
        using var catalogue = new TempCatalogue(("budget/INF-TST-01.yaml", Broken("title: Rapport de test", "title: Rapport de test\ncouleur: rouge")));

        var run = await ValidateAsync(catalogue.Folder);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"budget/INF-TST-01\.yaml: line \d+, column \d+: .*couleur", run.StandardError);
    }

    [Fact]
    public async Task A_definition_that_does_not_translate_to_sql_exits_1_naming_the_file()
    {
        using var catalogue = new TempCatalogue(("budget/INF-TST-01.yaml", Broken("MontantPaye ge @seuil", "Inexistante ge @seuil")));

        var run = await ValidateAsync(catalogue.Folder);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("budget/INF-TST-01.yaml: filter", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_formula_with_trailing_text_exits_1_naming_the_file_and_field()
    {
        using var catalogue = new TempCatalogue(("budget/INF-TST-01.yaml", Broken("formula: Engage - Paye", "formula: Engage - Paye)")));

        var run = await ValidateAsync(catalogue.Folder);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("budget/INF-TST-01.yaml: measures[2].formula:", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_exits_1_naming_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "infocentre-missing-" + Guid.NewGuid().ToString("N"));

        var run = await ValidateAsync(folder);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(folder, run.StandardError, StringComparison.Ordinal);
    }
}
