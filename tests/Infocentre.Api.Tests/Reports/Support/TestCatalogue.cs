namespace Infocentre.Api.Tests.Reports.Support;

/// <summary>
/// reports/ plus one test report, INF-BUD-99, with what the real catalogue does not have: a required parameter
/// without default, decimal, date and bool parameters, and a formula dividing by zero.
/// </summary>
internal static class TestCatalogue
{
    public const string Code = "INF-BUD-99";
    public const string EntitySet = "TestParametresObligatoires";

    public const string Yaml = """
        code: INF-BUD-99
        entitySet: TestParametresObligatoires
        title: Test des paramètres
        description: Rapport de test - paramètre obligatoire sans défaut, paramètres typés, division par zéro.
        domain: budget
        source: ExecutionBudgetaire
        perimeter: MinistereCode
        parameters:
          - name: exercice
            type: int
            label: Exercice
            description: Exercice (obligatoire, sans défaut).
            required: true
          - name: seuil
            type: decimal
            label: Seuil
            description: Montant payé minimal d'une ligne.
            default: "0"
          - name: depuis
            type: date
            label: Depuis
            description: Date comptable minimale.
            default: "2000-01-01"
          - name: paye
            type: bool
            label: Payé seulement
            description: Seulement les lignes de DP.
            default: "false"
        filter: Exercice eq @exercice and MontantPaye ge @seuil and DateComptable ge @depuis and (@paye eq false or Source eq 'DP')
        dimensions:
          - { name: Programme, property: ProgrammeCode, label: Programme }
        measures:
          - { name: Paye, aggregate: sum, property: MontantPaye, label: Payé }
          - { name: Engage, aggregate: sum, property: MontantEngage, label: Engagé }
          - { name: ParZero, formula: Paye / (Engage - Engage), label: Division par zéro }
          - { name: Moitie, formula: Paye / 2, label: Moitié du payé }
        orderBy: [Programme]
        """;

    private static readonly Lazy<string> LazyFolder = new(() =>
    {
        var folder = RepositoryPaths.CopyOfReports(deleteOnExit: true);
        File.WriteAllText(Path.Combine(folder, "budget", Code + ".yaml"), Yaml);
        return folder;
    });

    public static string Folder => LazyFolder.Value;
}
