using Infocentre.Api.Tests.Reports.Support;

namespace Infocentre.Api.Tests.Reports;

/// <summary>The service refuses to start with an invalid catalogue, and says which file and field are wrong.</summary>
public sealed class ServiceStartupTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>File name (in budget/), its YAML, the field the message must name.</summary>
    public static TheoryData<string, string, string> BrokenDefinitions() => new()
    {
        { "INF-BUD-98", Broken("source: ExecutionBudgetaire", "source: Inexistante"), "source" },
        // A formula with trailing text: the validator must catch it, not the compiler at startup.
        { "INF-BUD-98", Broken("formula: Paye / 2", "formula: Paye / 2)"), "measures[1].formula" },
    };

    private static string Broken(string find, string replace)
    {
        const string Valid = """
            code: INF-BUD-98
            entitySet: RapportCasse
            title: Rapport cassé
            description: Sert à vérifier que le service refuse un catalogue invalide.
            domain: budget
            source: ExecutionBudgetaire
            perimeter: MinistereCode
            parameters:
              - { name: exercice, type: int, label: Exercice, required: true, default: latest }
            filter: Exercice eq @exercice
            dimensions:
              - { name: Programme, property: ProgrammeCode, label: Programme }
            measures:
              - { name: Paye, aggregate: sum, property: MontantPaye, label: Payé }
              - { name: Moitie, formula: Paye / 2, label: Moitié }
            """;
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        return Valid.Replace(find, replace, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BrokenDefinitions))]
    public async Task The_service_exits_with_a_message_naming_the_file_and_the_field(string code, string yaml, string field)
    {
        Assert.True(File.Exists(RepositoryPaths.ApiDll), "build the API first: " + RepositoryPaths.ApiDll);
        var folder = RepositoryPaths.CopyOfReports();
        var data = Path.Combine(Path.GetTempPath(), "infocentre-startup-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(Path.Combine(folder, "budget", code + ".yaml"), yaml);

            var result = await ProcessRun.DotnetAsync(
                [RepositoryPaths.ApiDll, "--urls", "http://127.0.0.1:0"],
                new Dictionary<string, string>
                {
                    ["Reports__Folder"] = folder,
                    ["Warehouse__SeedOnFirstRun"] = "none",
                    ["Warehouse__DataFolder"] = data,
                    ["Warehouse__ConnectionString"] = "",
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                },
                Timeout);

            Assert.False(result.TimedOut, "the service did not stop within 30 s: " + result);
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains($"budget/{code}.yaml: {field}:", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
