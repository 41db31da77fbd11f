namespace Infocentre.Api.Tests.Security.Support;

internal static partial class PerimeterTargets
{
    private const string AssociationLines = SubsidyLines + " AND t.branche_code = 'Z039'";

    private const string ZsubSubsidyLines = SubsidyLines + " AND f.type_ej_code = 'ZSUB'";

    /// <summary>Échéances of multi-year grants running in the exercice, all their years (the derived table carries the exercice asked).</summary>
    private const string RunningMultiYearInstallments = """
        SELECT f.v FROM (
            SELECT e.montant_prevu AS v, @exercice AS exercice, e.ministere_code, e.programme_code
            FROM fact_echeance_subvention e
            JOIN fact_demande_subvention d ON d.ej_numero = e.ej_numero
            WHERE d.annee_fin > d.annee_debut AND d.annee_debut <= @exercice AND d.annee_fin >= @exercice) f
        WHERE 1 = 1
        """;

    /// <summary>Payments to associations over the five exercices ending with the one asked.</summary>
    private const string FiveYearsOfAssociationLines = """
        SELECT f.v FROM (
            SELECT p.montant AS v, @exercice AS exercice, p.ministere_code, p.programme_code
            FROM fact_demande_paiement p
            JOIN dim_tiers t ON t.code = p.tiers_code
            JOIN dim_branche_tiers br ON br.code = t.branche_code
            WHERE p.statut = 'PAY' AND br.est_subventionnable = @yes AND t.branche_code = 'Z039'
              AND p.exercice >= @exercice - 4 AND p.exercice <= @exercice) f
        WHERE 1 = 1
        """;

    /// <summary>reports/subventions: one measure per report and the plain SQL of its total.</summary>
    private static readonly PerimeterTarget[] SubventionsReports =
    [
        new("INF-SUB-01", "VersementsAuxAssociations", "INF-SUB-01", "MontantPaye", SubsidyLines, [], null, "Programme"),
        new("INF-SUB-02", "SubventionsParAssociation", "INF-SUB-02", "MontantPaye", AssociationLines, [], null, null),
        new("INF-SUB-03", "SubventionsParEtablissement", "INF-SUB-03", "MontantPaye", SubsidyLines, [], null, null),
        new("INF-SUB-04", "SubventionsParProgrammeActionActivite", "INF-SUB-04", "MontantPaye", SubsidyLines, [], null, "Programme"),
        new("INF-SUB-05", "SubventionsParMinistereMission", "INF-SUB-05", "MontantPaye", SubsidyLines, [], "Ministere", null),
        new("INF-SUB-06", "SubventionsParRegionAttachement", "INF-SUB-06", "MontantPaye", SubsidyLines, [], null, null),
        new("INF-SUB-07", "SubventionsParDepartementBeneficiaire", "INF-SUB-07", "MontantPaye", SubsidyLines, [], null, "Programme"),
        new("INF-SUB-08", "EjSubventionEngagePaye", "INF-SUB-08", "MontantEngage",
            "SELECT f.montant_engage AS v FROM fact_engagement f WHERE f.type_ej_code = 'ZSUB'", [], null, "Programme"),
        new("INF-SUB-09", "ConventionsPluriannuelles", "INF-SUB-09", "MontantPrevu", RunningMultiYearInstallments, [], null, null),
        new("INF-SUB-10", "VersementsFseFeder", "INF-SUB-10", "MontantPaye",
            "SELECT f.montant_paye AS v FROM fact_versement_fonds_europeens f WHERE 1 = 1", [], null, null),
        new("INF-SUB-11", "BeneficiairesSansSiret", "INF-SUB-11", "MontantPaye", SubsidyLines + " AND t.identifiant_type <> 'SIRET'", [], null, null),
        new("INF-SUB-12", "PrincipalesAssociationsBeneficiaires", "INF-SUB-12", "MontantPaye",
            SubsidyLines + " AND t.branche_code IN ('Z039', 'Z040')", [], null, null),
        new("INF-SUB-13", "JauneAssociations", "INF-SUB-13", "Montant", AssociationLines, [], null, "Programme"),
        new("INF-SUB-14", "RapprochementDemandesVersements", "INF-SUB-14", "MontantAccorde",
            "SELECT f.montant_accorde AS v FROM fact_demande_subvention f WHERE 1 = 1", [], null, null),
        new("INF-SUB-15", "SubventionsAuDelaSeuilConvention", "INF-SUB-15", "MontantVerse", ZsubSubsidyLines + """
             AND EXISTS (SELECT 1 FROM fact_demande_subvention d WHERE d.ej_numero = f.ej_numero AND d.convention_obligatoire = @yes)
            """, [], null, null),
        new("INF-SUB-16", "HistoriqueSubventionsAssociation", "INF-SUB-16", "MontantPaye", FiveYearsOfAssociationLines, [], null, null),
        new("INF-SUB-17", "SubventionsParBranche", "INF-SUB-17", "MontantPaye", SubsidyLines, [], null, null),
        new("INF-SUB-18", "SubventionsParDispositif", "INF-SUB-18", "MontantVerse", ZsubSubsidyLines, [], null, "Programme"),
        new("INF-SUB-19", "BeneficiairesRadiesOuFermes", "INF-SUB-19", "MontantPaye", SubsidyLines + " AND t.etat_administratif = 'F'", [], null, null),
        new("INF-SUB-20", "SubventionsParQuartierPrioritaire", "INF-SUB-20", "MontantPaye", SubsidyLines + " AND t.qpv_code IS NOT NULL", [], null, "Programme"),
    ];
}
