namespace Infocentre.Api.Tests.Security.Support;

internal static partial class PerimeterTargets
{
    private const string Dp = "fact_demande_paiement f";
    private const string PaidDp = "SELECT f.montant AS v FROM fact_demande_paiement f WHERE f.statut = 'PAY'";
    private const string DpCategorie = "fact_demande_paiement f JOIN dim_compte_budgetaire cb ON cb.code = f.compte_budgetaire_code";

    /// <summary>
    /// Paid DP lines of accords-cadres à bons de commande, all counted in the latest exercice: INF-DEP-17 cumulates
    /// every exercice up to the one asked, and the matrix asks for the latest.
    /// </summary>
    private const string CumulatedFrameworkPayments = """
        SELECT f.v AS v FROM (
            SELECT d.montant AS v, d.ministere_code, d.programme_code,
                (SELECT MAX(x.exercice) FROM fact_demande_paiement x) AS exercice
            FROM fact_demande_paiement d JOIN dim_marche mp ON mp.numero = d.marche_numero
            WHERE d.statut = 'PAY' AND mp.nature_code = 'ACBC') f
        WHERE 1 = 1
        """;

    /// <summary>reports/depenses: one measure per report and the plain SQL of its total.</summary>
    private static readonly PerimeterTarget[] DepensesReports =
    [
        new("INF-DEP-02", "DemandesPaiementParStatut", "INF-DEP-02", "Montant", "SELECT f.montant AS v FROM fact_demande_paiement f WHERE 1 = 1", [], null, null),
        new("INF-DEP-56", "DelaiGlobalPaiement", "INF-DEP-56", "MontantDp", "SELECT f.montant AS v FROM fact_demande_paiement f WHERE f.statut = 'PAY'", [], null, null),
        new("INF-DEP-01", "ListeDemandesPaiement", "INF-DEP-01", "Montant", $"SELECT f.montant AS v FROM {Dp} WHERE 1 = 1", [], null, null),
        new("INF-DEP-03", "StockDpEnAttente", "INF-DEP-03", "Montant", $"SELECT f.montant AS v FROM {Dp} WHERE f.statut <> 'PAY'", [], null, null),
        new("INF-DEP-04", "PaiementsParFournisseurProgramme", "INF-DEP-04", "MontantPaye", PaidDp, [], null, "Programme"),
        new("INF-DEP-05", "PaiementsParProgrammeDomaineFonctionnel", "INF-DEP-05", "MontantPaye", PaidDp, [], null, "Programme"),
        new("INF-DEP-06", "PaiementsParBrancheTiers", "INF-DEP-06", "MontantPaye", PaidDp, [], null, "Programme"),
        new("INF-DEP-07", "SuiviServicesFaits", "INF-DEP-07", "MontantReceptionne", "SELECT f.montant AS v FROM fact_service_fait f WHERE f.code_mouvement IN ('101', '105')", [], null, null),
        new("INF-DEP-08", "ServicesFaitsCertifiesNonSoldes", "INF-DEP-08", "MontantCertifieNonSolde", "SELECT f.montant AS v FROM fact_service_fait f WHERE f.anciennete_jours IS NOT NULL", [], null, null),
        new("INF-DEP-09", "ChargesAPayerFactureNonParvenues", "INF-DEP-09", "Montant", "SELECT f.montant AS v FROM fact_charge_a_payer f WHERE 1 = 1", [], null, null),
        new("INF-DEP-10", "FacturesRecuesChorusPro", "INF-DEP-10", "MontantTtc", $"SELECT f.montant AS v FROM {Dp} WHERE f.canal_facture IS NOT NULL", [], null, null),
        new("INF-DEP-11", "DelaiTraitementFactures", "INF-DEP-11", "NombrePostes", $"SELECT 1 AS v FROM {Dp} WHERE f.statut = 'PAY' AND f.canal_facture IS NOT NULL", [], null, null),
        new("INF-DEP-12", "DelaiOrdonnateurComptable", "INF-DEP-12", "MontantPaye", PaidDp, [], null, null),
        new("INF-DEP-13", "InteretsMoratoires", "INF-DEP-13", "InteretsMoratoires", $"SELECT f.interets_moratoires AS v FROM {Dp} WHERE f.statut = 'PAY' AND f.delai_paiement_jours > 30", [], null, null),
        new("INF-DEP-14", "DepensesSansOrdonnancement", "INF-DEP-14", "Montant", $"SELECT f.montant AS v FROM {Dp} WHERE f.nature_dp_code = '6.0'", [], null, "Programme"),
        new("INF-DEP-15", "DepensesCarteAchat", "INF-DEP-15", "Montant", $"SELECT f.montant AS v FROM {Dp} WHERE f.mode_reglement_code = 'CA'", [], null, null),
        new("INF-DEP-16", "PaiementsParMarche", "INF-DEP-16", "MontantPaye", $"SELECT f.montant AS v FROM {Dp} WHERE f.statut = 'PAY' AND f.marche_numero IS NOT NULL", [], null, null),
        new("INF-DEP-17", "ConsommationMarchesBonsCommande", "INF-DEP-17", "MontantPaye", CumulatedFrameworkPayments, [], null, null),
        new("INF-DEP-18", "AvancesAcomptes", "INF-DEP-18", "AvanceVersee", "SELECT f.montant AS v FROM fact_operation_paiement f WHERE f.type_operation_code = 'AVA'", [], null, null),
        new("INF-DEP-19", "RetenuesGarantie", "INF-DEP-19", "RetenueGarantie", "SELECT f.montant AS v FROM fact_operation_paiement f WHERE f.type_operation_code = 'RGP'", [], null, null),
        new("INF-DEP-20", "OppositionsCessionsCreances", "INF-DEP-20", "Montant", "SELECT f.montant AS v FROM fact_operation_paiement f WHERE f.type_operation_code IN ('OPP', 'CES')", [], null, null),
        new("INF-DEP-21", "DpRejeteesParComptable", "INF-DEP-21", "Montant", $"SELECT f.montant AS v FROM {Dp} WHERE f.est_rejete = @yes", [], null, null),
        new("INF-DEP-22", "DelaiDemandeAchatEj", "INF-DEP-22", "NombrePostes", "SELECT 1 AS v FROM fact_engagement f WHERE f.type_montant_code = '100' AND f.delai_demande_achat_jours IS NOT NULL", [], null, null),
        new("INF-DEP-23", "DepensesParNatureSousNature", "INF-DEP-23", "Montant", $"SELECT f.montant AS v FROM {Dp} WHERE 1 = 1", [], null, null),
        new("INF-DEP-24", "FraisDeplacement", "INF-DEP-24", "MontantPaye", PaidDp + " AND f.nature_dp_code = '3.1'", [], null, "Programme"),
        new("INF-DEP-25", "BoursesDepensesBaremees", "INF-DEP-25", "MontantPaye", PaidDp + " AND f.nature_dp_code IN ('3.2', '3.3')", [], null, "Programme"),
        new("INF-DEP-26", "SubventionsPayeesZsub", "INF-DEP-26", "MontantPaye", PaidDp + " AND f.type_ej_code = 'ZSUB'", [], null, "Programme"),
        new("INF-DEP-27", "TransfertsCollectivites", "INF-DEP-27", "MontantPaye", $"SELECT f.montant AS v FROM {DpCategorie} WHERE f.statut = 'PAY' AND cb.categorie_code = '63'", [], null, "Programme"),
        new("INF-DEP-28", "PaiementsEnDevises", "INF-DEP-28", "ContreValeurEur", $"SELECT f.montant AS v FROM {Dp} WHERE f.devise_code <> 'EUR'", [], null, null),
        new("INF-DEP-29", "JournalPiecesDp", "INF-DEP-29", "NombrePostes", $"SELECT 1 AS v FROM {Dp} WHERE 1 = 1", [], null, null),
        new("INF-DEP-30", "AutomatisationFluxDp", "INF-DEP-30", "PostesAutomatises", $"SELECT 1 AS v FROM {Dp} WHERE f.est_automatise = @yes", [], null, null),
        new("INF-DEP-31", "SuiviServiceFaitPresume", "INF-DEP-31", "Montant", $"SELECT f.montant AS v FROM {Dp} WHERE f.statut_sfp IS NOT NULL", [], null, null),
        new("INF-DEP-32", "PaiementsParModeReglement", "INF-DEP-32", "MontantPaye", PaidDp, [], null, null),
        new("INF-DEP-33", "PrincipauxFournisseurs", "INF-DEP-33", "MontantPaye", PaidDp, [], "Ministere", null),
        new("INF-DEP-34", "DepenseParDepartementBeneficiaire", "INF-DEP-34", "MontantPaye", PaidDp, [], null, "Programme"),
        new("INF-DEP-35", "ControleDoublonsPaiement", "INF-DEP-35", "Montant", $"SELECT f.montant AS v FROM {Dp} WHERE f.est_doublon_suspect = @yes", [], null, null),
        new("INF-DEP-36", "PaiementsTiersSansSiret", "INF-DEP-36", "MontantPaye", $"SELECT f.montant AS v FROM {Dp} JOIN dim_tiers t ON t.code = f.tiers_code WHERE f.statut = 'PAY' AND t.siret IS NULL", [], null, null),
        new("INF-DEP-37", "DepensesFluides", "INF-DEP-37", "MontantPaye", PaidDp + " AND f.nature_dp_code = '2.2'", [], null, null),
        new("INF-DEP-38", "LoyersChargesImmobilieres", "INF-DEP-38", "MontantPaye", PaidDp + " AND f.nature_dp_code = '2.1'", [], null, null),
        new("INF-DEP-39", "DepensesInvestissementImmobilisables", "INF-DEP-39", "MontantPaye",
            $"SELECT f.montant AS v FROM {DpCategorie} WHERE f.statut = 'PAY' AND cb.categorie_code LIKE '5%' AND f.compte_general_code LIKE '2%'", [], null, "Programme"),
    ];
}
