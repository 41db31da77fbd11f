using System.Text.RegularExpressions;
using Infocentre.Reports.Definitions;
using Infocentre.Reports.Documentation;

namespace Infocentre.Reports.Tests;

/// <summary>docs/catalogue.md is generated from reports/ and must be kept up to date (CI runs this test).</summary>
public sealed partial class CatalogueDocumentTests
{
    private static string CatalogueFile => Path.Combine(TestPaths.Root, "docs", "catalogue.md");

    [Fact]
    public void Docs_catalogue_is_what_the_definitions_give()
    {
        var (definitions, errors) = ReportFileReader.ReadFolder(TestPaths.Reports);
        Assert.Empty(errors);

        var expected = CatalogueDocument.Render(definitions);

        Assert.True(File.Exists(CatalogueFile), "docs/catalogue.md is missing: run `dotnet run --project src/Infocentre.Cli -- catalogue`.");
        Assert.True(
            expected == File.ReadAllText(CatalogueFile),
            "docs/catalogue.md is out of date: run `dotnet run --project src/Infocentre.Cli -- catalogue` and commit it.");
    }

    [Fact]
    public void Every_definition_file_has_one_section_and_each_domain_its_count()
    {
        var markdown = File.ReadAllText(CatalogueFile);
        var files = Directory.EnumerateFiles(TestPaths.Reports, "*.yaml", SearchOption.AllDirectories).ToList();

        var sections = Section().Matches(markdown).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(files.Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal), sections.Order(StringComparer.Ordinal));
        foreach (var (domain, title) in CatalogueDocument.Domains)
        {
            var count = files.Count(f => Path.GetFileName(Path.GetDirectoryName(f)) == domain);
            Assert.Contains($"| [{title}](", markdown, StringComparison.Ordinal);
            Assert.Matches(new Regex($@"\| \[{Regex.Escape(title)}\]\([^)]*\) \| {count} \|"), markdown);
        }
    }

    [Fact]
    public async Task The_cli_check_refuses_a_stale_file_and_accepts_a_fresh_one()
    {
        var stale = Path.Combine(Path.GetTempPath(), "infocentre-catalogue-" + Guid.NewGuid().ToString("N") + ".md");
        await File.WriteAllTextAsync(stale, "# stale\n");
        try
        {
            Assert.Equal(1, await RunCliAsync("catalogue", "--reports", TestPaths.Reports, "--output", stale, "--check"));
            Assert.Equal(0, await RunCliAsync("catalogue", "--reports", TestPaths.Reports, "--output", stale));
            Assert.Equal(0, await RunCliAsync("catalogue", "--reports", TestPaths.Reports, "--output", stale, "--check"));
            Assert.Equal(await File.ReadAllTextAsync(CatalogueFile), await File.ReadAllTextAsync(stale));
        }
        finally
        {
            File.Delete(stale);
        }
    }

    private static async Task<int> RunCliAsync(params string[] arguments) => (await CliProcess.RunAsync(arguments)).ExitCode;

    [GeneratedRegex(@"^### (INF-[A-Z]{3}-\d{2,3})$", RegexOptions.Multiline)]
    private static partial Regex Section();
}
