namespace Infocentre.Api.Tests.Reports.Support;

/// <summary>
/// reports/ plus two test reports. INF-DEP-99 has the derived measures (conditional aggregates, share, rank).
/// INF-BUD-99, with what the real catalogue does not have: a required parameter
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

    public const string DerivedCode = "INF-DEP-99";
    public const string DerivedEntitySet = "TestMesuresDerivees";

    public const string DerivedYaml = """
        code: INF-DEP-99
        entitySet: TestMesuresDerivees
        title: Test des mesures dérivées
        description: Rapport de test - paiements par fournisseur sur deux exercices, part du total et rang.
        domain: depenses
        source: DemandesPaiement
        perimeter: MinistereCode
        parameters:
          - name: exercice
            type: int
            label: Exercice
            description: Exercice N.
            required: true
            default: latest
        filter: Exercice ge @exercice sub 1 and Exercice le @exercice
        dimensions:
          - { name: Fournisseur, property: TiersCode, label: Fournisseur, format: text }
        measures:
          - { name: PayeN, aggregate: sum, property: MontantPaye, where: "Exercice eq @exercice", label: Payé N }
          - { name: PayeN1, aggregate: sum, property: MontantPaye, where: "Exercice eq @exercice sub 1", label: Payé N-1 }
          - { name: Evolution, formula: "(PayeN - PayeN1) / PayeN1", label: Évolution, format: "0.0%" }
          - { name: Moins30Jours, aggregate: sum, property: Montant, where: "DelaiPaiementJours le 30", label: ≤ 30 jours }
          - { name: NombreDpPayees, aggregate: countdistinct, property: DpNumero, where: "Statut eq 'PAY'", label: DP payées }
          - { name: Part, aggregate: share, of: PayeN, label: Part du total, format: "0.0%" }
          - { name: Rang, aggregate: rank, of: PayeN, label: Rang }
          - { name: RangDp, aggregate: rank, of: NombreDpPayees, label: Rang en nombre de DP }
          - { name: PartPourCent, formula: Part * 100, label: Part (%) }
        orderBy: [Rang]
        """;

    private static readonly Lazy<string> LazyFolder = new(() =>
    {
        var folder = RepositoryPaths.CopyOfReports(deleteOnExit: true);
        File.WriteAllText(Path.Combine(folder, "budget", Code + ".yaml"), Yaml);
        File.WriteAllText(Path.Combine(folder, "depenses", DerivedCode + ".yaml"), DerivedYaml);
        return folder;
    });

    public static string Folder => LazyFolder.Value;
}
