namespace Infocentre.Api.Tests.Security.Support;

internal static partial class PerimeterTargets
{
    /// <summary>reports/budget: one measure per report and the plain SQL of its total.</summary>
    private static readonly PerimeterTarget[] BudgetReports =
    [
        new("INF-BUD-01", "SituationCreditsParProgramme", "INF-BUD-01", "AeLfi", "SELECT f.ae_lfi AS v FROM fact_credit f WHERE 1 = 1", [], "Ministere", "Programme"),
        new("INF-BUD-40", "ConsommationParProgramme", "INF-BUD-40", "Paye", "SELECT f.montant AS v FROM fact_demande_paiement f WHERE f.statut = 'PAY'", [], "Ministere", "Programme"),
        new("INF-BUD-53", "PilotageGestionVueDetaillee", "INF-BUD-53", "MontantEngage", "SELECT f.montant_engage AS v FROM fact_engagement f WHERE 1 = 1", [], null, "Programme"),
        new("INF-BUD-90", "SyntheseExecutionBudgetaire", "INF-BUD-90", "MontantEngage", "SELECT f.montant_engage AS v FROM fact_engagement f WHERE 1 = 1", [], null, null, HasDimensions: false),
    ];
}
