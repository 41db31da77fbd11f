namespace Infocentre.Api.Tests.Security.Support;

internal static partial class PerimeterTargets
{
    /// <summary>Titres still to recover at the date d'arrêté.</summary>
    private const string Open = "t.statut NOT IN ('Recouvré', 'Soldé par annulation')";

    /// <summary>
    /// Titres of every exercice up to the latest, exposed with the latest exercice as f.exercice so that the
    /// matrix's "f.exercice = latest" keeps them all (reports filtered on Exercice le @exercice).
    /// </summary>
    private static string UpToLatest(string value, string where) => $"""
        SELECT f.v AS v FROM (
            SELECT {value} AS v, t.ministere_code, t.programme_code, (SELECT MAX(x.exercice) FROM fact_titre_perception x) AS exercice
            FROM fact_titre_perception t WHERE {where}) f
        WHERE 1 = 1
        """;

    /// <summary>Titres cancelled in a year, exposed with that year as f.exercice.</summary>
    private static string CancelledIn(string where) => $"""
        SELECT f.v AS v FROM (
            SELECT t.montant_annule AS v, t.ministere_code, t.programme_code, t.exercice_annulation AS exercice
            FROM fact_titre_perception t WHERE {where}) f
        WHERE 1 = 1
        """;

    /// <summary>reports/recettes-non-fiscales: one measure per report and the plain SQL of its total.</summary>
    private static readonly PerimeterTarget[] RecettesNonFiscalesReports =
    [
        new("INF-REC-05", "RestesARecouvrerParProgramme", "INF-REC-05", "MontantEncaisse", "SELECT f.montant AS v FROM fact_encaissement f WHERE 1 = 1", [], "Ministere", "Programme"),
        new("INF-REC-01", "TitresPerceptionEmis", "INF-REC-01", "MontantEmis", "SELECT f.montant_emis AS v FROM fact_titre_perception f WHERE 1 = 1", [], null, null),
        new("INF-REC-02", "TitresParStatut", "INF-REC-02", "NombreTitres", "SELECT 1 AS v FROM fact_titre_perception f WHERE 1 = 1", [], null, null),
        new("INF-REC-03", "RestesARecouvrerParAnciennete", "INF-REC-03", "ResteARecouvrer", UpToLatest("t.montant_reste_a_recouvrer", Open), [], null, null),
        new("INF-REC-04", "EncaissementsParPeriode", "INF-REC-04", "MontantEncaisse", "SELECT f.montant AS v FROM fact_encaissement f WHERE 1 = 1", [], null, null),
        new("INF-REC-06", "RecettesParNature", "INF-REC-06", "MontantEmis", "SELECT f.montant_emis AS v FROM fact_titre_perception f WHERE 1 = 1", [], null, null),
        new("INF-REC-07", "RecettesParLigneBudgetaire", "INF-REC-07", "PrevisionLfi", "SELECT f.montant_prevision_lfi AS v FROM fact_prevision_recette f WHERE 1 = 1", [], "Ministere", null),
        new("INF-REC-08", "RetablissementsCredits", "INF-REC-08", "IndusConstates", "SELECT f.montant_net AS v FROM fact_titre_perception f WHERE f.origine = 'Constatation d''indu'", [], null, "Programme"),
        new("INF-REC-09", "RecettesFondsConcours", "INF-REC-09", "MontantAttendu",
            "SELECT f.montant_net AS v FROM fact_titre_perception f WHERE f.fonds_concours_code IS NOT NULL", [], null, "Programme"),
        new("INF-REC-10", "ReductionsAnnulationsTitres", "INF-REC-10", "MontantAnnule", CancelledIn("t.motif_annulation IS NOT NULL"), [], null, null),
        new("INF-REC-11", "AdmissionsNonValeurRemises", "INF-REC-11", "MontantAbandonne",
            CancelledIn("t.motif_annulation IN ('Admission en non-valeur', 'Remise gracieuse')"), [], null, null),
        new("INF-REC-12", "RecouvrementContentieux", "INF-REC-12", "MontantPoursuivi",
            UpToLatest("t.montant_reste_a_recouvrer", Open + " AND t.etape_recouvrement IN ('Mise en demeure', 'Contentieux')"), [], null, null),
        new("INF-REC-13", "FacturationExterne", "INF-REC-13", "MontantFacture", "SELECT f.montant_emis AS v FROM fact_titre_perception f WHERE f.origine = 'Facturation externe'", [], null, null),
        new("INF-REC-14", "RecettesRegies", "INF-REC-14", "MontantEncaisse", "SELECT f.montant AS v FROM fact_encaissement f WHERE f.regie_code IS NOT NULL", [], null, null),
        new("INF-REC-15", "RecettesConstatationIndu", "INF-REC-15", "MontantEmis", "SELECT f.montant_emis AS v FROM fact_titre_perception f WHERE f.origine = 'Constatation d''indu'", [], null, "Programme"),
        new("INF-REC-16", "FacturationInterne", "INF-REC-16", "MontantNet", "SELECT f.montant_net AS v FROM fact_titre_perception f WHERE f.origine = 'Facturation interne'", [], null, "ProgrammeVendeur"),
        new("INF-REC-17", "ContratsRecettes", "INF-REC-17", "FactureCumule", UpToLatest("t.montant_emis", "t.contrat_numero IS NOT NULL"), [], null, null),
        new("INF-REC-18", "PrevisionsRealisationsRecettes", "INF-REC-18", "PrevisionLfi", "SELECT f.montant_prevision_lfi AS v FROM fact_prevision_recette f WHERE 1 = 1", [], null, null),
        new("INF-REC-19", "DelaiRecouvrement", "INF-REC-19", "MontantRecouvre", "SELECT f.montant_encaisse AS v FROM fact_titre_perception f WHERE f.statut = 'Recouvré'", [], null, null),
        new("INF-REC-20", "RecettesBudgetsAnnexesComptesSpeciaux", "INF-REC-20", "PrevisionLfi", """
            SELECT f.montant_prevision_lfi AS v FROM fact_prevision_recette f
            JOIN dim_ligne_recette l ON l.code = f.ligne_recette_code WHERE l.budget_code <> 'BG'
            """, [], null, null),
        new("INF-REC-21", "PrincipauxDebiteurs", "INF-REC-21", "MontantEmis", UpToLatest("t.montant_emis", "1 = 1"), [], null, null),
        new("INF-REC-22", "EcheanciersPaiement", "INF-REC-22", "MontantEchelonne", UpToLatest("t.echeancier_montant", "t.echeancier_nombre_echeances > 0"), [], null, null),
        new("INF-REC-23", "TitresExercicesAnterieurs", "INF-REC-23", "ResteARecouvrer",
            UpToLatest("t.montant_reste_a_recouvrer", Open + " AND t.exercice < (SELECT MAX(y.exercice) FROM fact_titre_perception y)"), [], null, null),
        new("INF-REC-24", "ProduitsARecevoirInventaire", "INF-REC-24", "Montant", "SELECT f.montant AS v FROM fact_produit_a_recevoir f WHERE 1 = 1", [], null, null),
        new("INF-REC-25", "RecettesParDepartement", "INF-REC-25", "MontantEncaisse", "SELECT f.montant AS v FROM fact_encaissement f WHERE 1 = 1", [], null, null),
        new("INF-REC-26", "EncaissementsEnAttenteDeRapprochement", "INF-REC-26", "Montant", """
            SELECT f.v AS v FROM (
                SELECT u.montant AS v, u.ministere_code, u.programme_code, (SELECT MAX(x.exercice) FROM fact_encaissement_non_rapproche x) AS exercice
                FROM fact_encaissement_non_rapproche u) f
            WHERE 1 = 1
            """, [], null, null),
    ];
}
