namespace Infocentre.Api.Tests.Security.Support;

internal static partial class PerimeterTargets
{
    /// <summary>reports/depenses: one measure per report and the plain SQL of its total.</summary>
    private static readonly PerimeterTarget[] DepensesReports =
    [
        new("INF-DEP-02", "DemandesPaiementParStatut", "INF-DEP-02", "Montant", "SELECT f.montant AS v FROM fact_demande_paiement f WHERE 1 = 1", [], null, null),
        new("INF-DEP-56", "DelaiGlobalPaiement", "INF-DEP-56", "MontantDp", "SELECT f.montant AS v FROM fact_demande_paiement f WHERE f.statut = 'PAY'", [], null, null),
    ];
}
