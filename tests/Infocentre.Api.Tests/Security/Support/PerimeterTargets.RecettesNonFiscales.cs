namespace Infocentre.Api.Tests.Security.Support;

internal static partial class PerimeterTargets
{
    /// <summary>reports/recettes-non-fiscales: one measure per report and the plain SQL of its total.</summary>
    private static readonly PerimeterTarget[] RecettesNonFiscalesReports =
    [
        new("INF-REC-05", "RestesARecouvrerParProgramme", "INF-REC-05", "MontantEncaisse", "SELECT f.montant AS v FROM fact_encaissement f WHERE 1 = 1", [], "Ministere", "Programme"),
    ];
}
