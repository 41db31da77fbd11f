namespace Infocentre.Api.Tests.Security.Support;

internal static partial class PerimeterTargets
{
    /// <summary>reports/comptabilite-generale: one measure per report and the plain SQL of its total.</summary>
    private static readonly PerimeterTarget[] ComptabiliteGeneraleReports =
    [
        new("INF-CGE-01", "BalanceGenerale", "INF-CGE-01", "TotalDebit", "SELECT f.debit AS v FROM fact_ecriture_comptable f WHERE 1 = 1", [], null, null),
    ];
}
