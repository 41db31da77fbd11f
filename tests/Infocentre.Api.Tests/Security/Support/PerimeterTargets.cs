using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Security.Support;

/// <summary>
/// What the perimeter matrix reads: every report of the catalogue and every fact entity set, each with one
/// measure whose total the independent SQL recomputes, and the column naming the ministère when there is one.
/// A report added to reports/ without an entry here fails <c>PerimeterMatrixTests.Every_report_of_the_catalogue_is_in_the_matrix</c>.
/// </summary>
internal sealed record PerimeterTarget(
    string Name, string EntitySet, string? ReportCode, string Measure, string SumSql, IReadOnlyList<string> CountSqls,
    string? MinistereColumn, string? ProgrammeColumn, bool HasDimensions = true)
{
    public bool IsReport => ReportCode is not null;

    /// <summary>The expected SUM(measure) and, for entity sets, COUNT(*) for a perimeter (reports: one exercice).</summary>
    public async Task<(decimal Sum, long Count)> ExpectedAsync(WarehouseOptions warehouse, Perimeter perimeter, int? exercice)
    {
        var (sum, _) = await IndependentSql.TotalAsync(warehouse, SumSql, perimeter, exercice);
        long count = 0;
        foreach (var sql in CountSqls)
        {
            count += (await IndependentSql.TotalAsync(warehouse, sql, perimeter, exercice)).Count;
        }

        return (sum, count);
    }
}

internal static partial class PerimeterTargets
{
    internal const string SubsidyLines = """
        SELECT f.montant AS v FROM fact_demande_paiement f
        JOIN dim_tiers t ON t.code = f.tiers_code
        JOIN dim_branche_tiers br ON br.code = t.branche_code
        WHERE f.statut = 'PAY' AND br.est_subventionnable = @yes
        """;

    private static string All(string table) => $"SELECT 0 AS v FROM {table} f WHERE 1 = 1";

    /// <summary>The fact entity sets (self-service sources), read over every exercice.</summary>
    public static readonly IReadOnlyList<PerimeterTarget> EntitySets =
    [
        new("Credits", "Credits", null, "AeLfi", "SELECT f.ae_lfi AS v FROM fact_credit f WHERE 1 = 1", [All("fact_credit")], "MinistereCode", "ProgrammeCode"),
        new("ExecutionBudgetaire", "ExecutionBudgetaire", null, "MontantPaye", "SELECT f.montant AS v FROM fact_demande_paiement f WHERE f.statut = 'PAY'",
            [All("fact_engagement"), All("fact_service_fait"), All("fact_demande_paiement")], "MinistereCode", "ProgrammeCode"),
        new("Engagements", "Engagements", null, "MontantEngage", "SELECT f.montant_engage AS v FROM fact_engagement f WHERE 1 = 1", [All("fact_engagement")], "MinistereCode", "ProgrammeCode"),
        new("DemandesPaiement", "DemandesPaiement", null, "Montant", "SELECT f.montant AS v FROM fact_demande_paiement f WHERE 1 = 1", [All("fact_demande_paiement")], "MinistereCode", "ProgrammeCode"),
        new("EcrituresComptables", "EcrituresComptables", null, "Debit", "SELECT f.debit AS v FROM fact_ecriture_comptable f WHERE 1 = 1", [All("fact_ecriture_comptable")], "MinistereCode", "ProgrammeCode"),
        new("RecettesNonFiscales", "RecettesNonFiscales", null, "MontantEmis", "SELECT f.montant_emis AS v FROM fact_titre_perception f WHERE 1 = 1",
            [All("fact_titre_perception"), All("fact_encaissement")], "MinistereCode", "ProgrammeCode"),
        new("VersementsSubventions", "VersementsSubventions", null, "MontantPaye", SubsidyLines, [SubsidyLines], "MinistereCode", "ProgrammeCode"),
    ];

    /// <summary>
    /// Every report of reports/, read for the latest exercice (given explicitly). One list per domain, in
    /// PerimeterTargets.&lt;Domain&gt;.cs, so that each domain's reports are added next to each other. A property,
    /// not a field: the field initialisers of partial files run in no defined order.
    /// </summary>
    public static IReadOnlyList<PerimeterTarget> Reports =>
        [.. BudgetReports, .. DepensesReports, .. ComptabiliteGeneraleReports, .. RecettesNonFiscalesReports, .. SubventionsReports];

    public static PerimeterTarget Find(string name) =>
        EntitySets.Concat(Reports).SingleOrDefault(t => t.Name == name) ?? throw new ArgumentException($"Unknown target {name}.", nameof(name));
}
