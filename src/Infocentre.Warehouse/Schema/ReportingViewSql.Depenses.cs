using System.Text;

namespace Infocentre.Warehouse.Schema;

/// <summary>
/// The dépenses extensions of the reporting views: payment details appended to v_demande_paiement, the
/// demande d'achat on v_engagement, and the views of services faits, operations on payments, charges à payer
/// and marchés. Labels of small code lists are CASE expressions (no dimension table for six codes); ageing
/// classes start with their rank so that every engine sorts them alike.
/// </summary>
public static partial class ReportingViewSql
{
    private static readonly string[] EngagementExtraColumns =
        ["marche_numero", "date_demande_achat", "delai_demande_achat_jours", "tranche_delai_demande_achat"];

    private static readonly Dictionary<string, string> EngagementExtraOverrides = new(StringComparer.Ordinal)
    {
        ["tranche_delai_demande_achat"] = Classes(
            "f.delai_demande_achat_jours", [(3, "1. 0 à 3 jours"), (7, "2. 4 à 7 jours"), (15, "3. 8 à 15 jours")], "4. 16 jours et plus"),
    };

    private static readonly string[] PaymentExtraColumns =
    [
        "marche_numero", "mode_reglement_code", "mode_reglement_libelle", "niveau_carte_achat", "devise_code",
        "montant_devise", "flux", "flux_libelle", "est_automatise", "automatisation", "ligne_automatisee", "est_rejete",
        "motif_rejet_code", "motif_rejet_libelle", "date_mise_en_paiement", "delai_ordonnateur_jours",
        "delai_comptable_jours", "paye_dans_delai", "interets_moratoires", "reference_facture", "est_doublon_suspect",
        "canal_facture", "canal_facture_libelle", "date_depot_facture", "statut_facture", "delai_traitement_facture_jours",
        "facture_traitee_dans_delai", "statut_sfp", "statut_sfp_libelle", "anciennete_jours", "tranche_anciennete",
        "tiers_departement",
    ];

    /// <summary>Classes of age of what is pending at 31 December.</summary>
    private static readonly (int UpTo, string Label)[] AgeClasses =
        [(30, "1. 0 à 30 jours"), (60, "2. 31 à 60 jours"), (90, "3. 61 à 90 jours"), (180, "4. 91 à 180 jours")];

    private const string OldestAgeClass = "5. plus de 180 jours";

    private static Dictionary<string, string> PaymentExtraOverrides(SqlDialect d) => new(StringComparer.Ordinal)
    {
        ["mode_reglement_libelle"] = Labels("f.mode_reglement_code", [("VIR", "Virement"), ("VIRI", "Virement international"),
            ("PRL", "Prélèvement"), ("CA", "Carte achat"), ("REG", "Régie d'avances")]),
        ["flux_libelle"] = Labels("f.flux", [("1", "Flux 1 : DP sans EJ"), ("2", "Flux 2 : service fait après facture"),
            ("3", "Flux 3 : service fait préalable"), ("4", "Flux 4 : facture valant EJ")], quoted: false),
        ["automatisation"] = $"CASE WHEN f.est_automatise = {d.True} THEN 'Automatisée' ELSE 'Non automatisée' END",
        ["ligne_automatisee"] = $"CASE WHEN f.est_automatise = {d.True} THEN 1 ELSE 0 END",
        ["motif_rejet_libelle"] = Labels("f.motif_rejet_code", [("R01", "Pièces justificatives insuffisantes"),
            ("R02", "Coordonnées bancaires erronées"), ("R03", "Erreur de liquidation"), ("R04", "Tiers erroné"),
            ("R05", "Imputation erronée"), ("R06", "Service fait non constaté")]),
        ["paye_dans_delai"] = "CASE WHEN f.statut = 'PAY' AND f.delai_paiement_jours <= 30 THEN 1 ELSE 0 END",
        ["canal_facture_libelle"] = Labels("f.canal_facture", [("CPP", "Chorus Pro (portail)"), ("EDI", "Chorus Pro (EDI)"),
            ("PAPIER", "Papier numérisé")]),
        ["statut_facture"] = "CASE WHEN f.canal_facture IS NULL THEN NULL WHEN f.statut = 'PAY' THEN 'Mise en paiement' "
            + $"WHEN f.statut = 'FAC' THEN 'Mandatée' WHEN f.est_rejete = {d.True} THEN 'Suspendue' ELSE 'Mise à disposition' END",
        ["facture_traitee_dans_delai"] = "CASE WHEN f.delai_traitement_facture_jours <= 30 THEN 1 ELSE 0 END",
        ["statut_sfp_libelle"] = Labels("f.statut_sfp", [("PRESUME", "Service fait présumé"), ("CONFIRME", "Présomption confirmée"),
            ("CONTESTE", "Présomption contestée")]),
        ["tranche_anciennete"] = Classes("f.anciennete_jours", AgeClasses, OldestAgeClass),
        ["tiers_departement"] = "t.departement",
    };

    private static string ServiceFait(SqlDialect d) => Select(
        "fact_service_fait f",
        [.. ImputationColumns, .. SpendingColumns, "sf_numero", "code_mouvement", "mouvement_libelle", "date_comptable",
            "est_solde", "montant", "montant_certifie", "montant_annule", "montant_certifie_non_solde", "anciennete_jours",
            "tranche_anciennete"],
        new(StringComparer.Ordinal)
        {
            ["mouvement_libelle"] = Labels("f.code_mouvement", [("101", "Certification du service fait"),
                ("102", "Annulation de la certification"), ("105", "Certification (subvention, décision)"),
                ("106", "Annulation (subvention, décision)")]),
            ["montant_certifie"] = $"CASE WHEN f.code_mouvement IN ('101', '105') THEN f.montant ELSE {d.ZeroAmount} END",
            ["montant_annule"] = $"CASE WHEN f.code_mouvement IN ('102', '106') THEN -f.montant ELSE {d.ZeroAmount} END",
            ["montant_certifie_non_solde"] = $"CASE WHEN f.est_solde = {d.True} THEN {d.ZeroAmount} ELSE f.montant END",
            ["tranche_anciennete"] = Classes("f.anciennete_jours", AgeClasses, OldestAgeClass),
        },
        ImputationJoins + DestinationJoins + SpendingJoins);

    private static string PaymentOperation(SqlDialect d)
    {
        string Amount(string type) => $"CASE WHEN f.type_operation_code = '{type}' THEN f.montant ELSE {d.ZeroAmount} END";
        return Select(
            "fact_operation_paiement f",
            [.. ImputationColumns, .. SpendingColumns, "type_operation_code", "type_operation_libelle", "marche_numero",
                "dp_numero", "date_operation", "montant", "avance_versee", "avance_recuperee", "retenue_garantie",
                "retenue_restituee", "montant_opposition", "montant_cession"],
            new(StringComparer.Ordinal)
            {
                ["type_operation_libelle"] = Labels("f.type_operation_code", [("AVA", "Avance versée"), ("AVR", "Avance récupérée"),
                    ("RGP", "Retenue de garantie prélevée"), ("RGR", "Retenue de garantie restituée"), ("OPP", "Opposition"),
                    ("CES", "Cession de créance")]),
                ["avance_versee"] = Amount("AVA"), ["avance_recuperee"] = Amount("AVR"), ["retenue_garantie"] = Amount("RGP"),
                ["retenue_restituee"] = Amount("RGR"), ["montant_opposition"] = Amount("OPP"), ["montant_cession"] = Amount("CES"),
            },
            ImputationJoins + DestinationJoins + SpendingJoins);
    }

    private static string Accrual() => Select(
        "fact_charge_a_payer f",
        [.. ImputationColumns, .. SpendingColumns, "type_charge_code", "type_charge_libelle", "compte_tiers_code",
            "compte_tiers_libelle", "compte_general_code", "compte_general_libelle", "sf_numero", "date_service_fait", "montant"],
        new(StringComparer.Ordinal)
        {
            ["type_charge_libelle"] = Labels("f.type_charge_code", [("FNP", "Facture non parvenue"), ("FPNP", "Facture parvenue non payée")]),
            ["compte_tiers_libelle"] = "ct.libelle",
            ["compte_general_libelle"] = "cg.libelle",
        },
        ImputationJoins + DestinationJoins + SpendingJoins + """
        LEFT JOIN dim_compte_general cg ON cg.code = f.compte_general_code
        LEFT JOIN dim_compte_general ct ON ct.code = f.compte_tiers_code

        """);

    private static readonly string[] MarketColumns =
    [
        "source", "marche_numero", "marche_objet", "marche_nature_code", "marche_nature_libelle", "procedure_code",
        "titulaire_code", "titulaire_raison_sociale", "date_notification", "date_fin", "montant_maximum", "dp_numero",
        "montant_engage", "montant_paye",
    ];

    private static string MarketExecution(SqlDialect d)
    {
        string[] columns = [.. ImputationColumns, .. SpendingColumns, .. MarketColumns];
        var joins = ImputationJoins + DestinationJoins + SpendingJoins + """
            LEFT JOIN dim_marche mp ON mp.numero = f.marche_numero
            LEFT JOIN dim_tiers tit ON tit.code = mp.titulaire_code

            """;
        Dictionary<string, string> common = new(StringComparer.Ordinal)
        {
            ["marche_objet"] = "mp.objet", ["marche_nature_code"] = "mp.nature_code",
            ["marche_nature_libelle"] = Labels("mp.nature_code", [("ACBC", "Accord-cadre à bons de commande"),
                ("MORD", "Marché ordinaire"), ("MTRA", "Marché à tranches"), ("MMIX", "Marché mixte")]),
            ["procedure_code"] = "mp.procedure_code", ["titulaire_code"] = "mp.titulaire_code",
            ["titulaire_raison_sociale"] = "tit.raison_sociale", ["date_notification"] = "mp.date_notification",
            ["date_fin"] = "mp.date_fin", ["montant_maximum"] = "mp.montant_maximum",
        };
        var ej = Select("fact_engagement f", columns, new(common)
        {
            ["source"] = "'EJ'", ["dp_numero"] = d.NullText, ["montant_engage"] = "f.montant_engage - f.montant_bascule",
            ["montant_paye"] = d.ZeroAmount,
        }, joins + "WHERE f.marche_numero IS NOT NULL\n");
        var dp = Select("fact_demande_paiement f", columns, new(common)
        {
            ["source"] = "'DP'", ["montant_engage"] = d.ZeroAmount,
            ["montant_paye"] = $"CASE WHEN f.statut = 'PAY' THEN f.montant ELSE {d.ZeroAmount} END",
        }, joins + "WHERE f.marche_numero IS NOT NULL\n");
        return $"{ej}\nUNION ALL\n{dp}";
    }

    private static Dictionary<string, string> Merge(Dictionary<string, string> overrides, Dictionary<string, string> extras)
    {
        foreach (var (column, expression) in extras)
        {
            overrides.Add(column, expression);
        }

        return overrides;
    }

    private static string Labels(string column, (string Code, string Label)[] labels, bool quoted = true)
    {
        var sql = new StringBuilder("CASE ").Append(column);
        foreach (var (code, label) in labels)
        {
            sql.Append(quoted ? $" WHEN '{code}'" : $" WHEN {code}").Append(" THEN '").Append(label.Replace("'", "''", StringComparison.Ordinal)).Append('\'');
        }

        return sql.Append(" END").ToString();
    }

    private static string Classes(string column, (int UpTo, string Label)[] classes, string last)
    {
        var sql = new StringBuilder($"CASE WHEN {column} IS NULL THEN NULL");
        foreach (var (upTo, label) in classes)
        {
            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $" WHEN {column} <= {upTo} THEN '{label}'");
        }

        return sql.Append(" ELSE '").Append(last).Append("' END").ToString();
    }
}
