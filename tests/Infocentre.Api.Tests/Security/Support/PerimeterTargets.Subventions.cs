namespace Infocentre.Api.Tests.Security.Support;

internal static partial class PerimeterTargets
{
    /// <summary>reports/subventions: one measure per report and the plain SQL of its total.</summary>
    private static readonly PerimeterTarget[] SubventionsReports =
    [
        new("INF-SUB-01", "VersementsAuxAssociations", "INF-SUB-01", "MontantPaye", SubsidyLines, [], null, "Programme"),
    ];
}
