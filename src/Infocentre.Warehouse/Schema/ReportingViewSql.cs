using System.Text;

namespace Infocentre.Warehouse.Schema;

/// <summary>
/// DDL of the flat reporting views. Dimensions are LEFT JOINed on their primary key so that every engine
/// drops the joins a query does not use; union views repeat the joins in each arm so filters push down.
/// </summary>
public static partial class ReportingViewSql
{
    private const string ImputationJoins = """
        LEFT JOIN dim_ministere m ON m.code = f.ministere_code
        LEFT JOIN dim_programme p ON p.code = f.programme_code
        LEFT JOIN dim_mission mi ON mi.code = p.mission_code
        LEFT JOIN dim_centre_financier cf ON cf.code = f.centre_financier_code
        LEFT JOIN dim_bop b ON b.code = cf.bop_code

        """;

    private const string DestinationJoins = """
        LEFT JOIN dim_domaine_fonctionnel df ON df.code = f.domaine_fonctionnel_code
        LEFT JOIN dim_domaine_fonctionnel act ON act.code = df.action_code

        """;

    private const string SpendingJoins = """
        LEFT JOIN dim_activite a ON a.code = f.activite_code
        LEFT JOIN dim_societe s ON s.code = f.societe_code
        LEFT JOIN dim_tiers t ON t.code = f.tiers_code
        LEFT JOIN dim_branche_tiers br ON br.code = t.branche_code
        LEFT JOIN dim_type_ej te ON te.code = f.type_ej_code

        """;

    private static readonly string[] ImputationColumns =
    [
        "exercice", "ministere_code", "ministere_sigle", "ministere_libelle", "mission_code", "mission_libelle",
        "programme_code", "programme_numero", "programme_libelle", "bop_code", "bop_libelle",
        "centre_financier_code", "centre_financier_libelle", "region",
        "domaine_fonctionnel_code", "domaine_fonctionnel_libelle", "action_code", "action_libelle",
    ];

    private static readonly string[] SpendingColumns =
    [
        "id", "periode", "activite_code", "activite_libelle", "societe_code", "societe_libelle",
        "tiers_code", "tiers_raison_sociale", "tiers_siret", "branche_code", "branche_libelle",
        "ej_numero", "ej_poste", "type_ej_code", "type_ej_libelle",
    ];

    /// <summary>Where a column is not simply f.&lt;name&gt;.</summary>
    private static readonly Dictionary<string, string> LabelExpressions = new(StringComparer.Ordinal)
    {
        ["ministere_sigle"] = "m.sigle",
        ["ministere_libelle"] = "m.libelle",
        ["mission_code"] = "p.mission_code",
        ["mission_libelle"] = "mi.libelle",
        ["programme_numero"] = "p.numero",
        ["programme_libelle"] = "p.libelle",
        ["bop_code"] = "cf.bop_code",
        ["bop_libelle"] = "b.libelle",
        ["centre_financier_libelle"] = "cf.libelle",
        ["region"] = "cf.region",
        ["domaine_fonctionnel_libelle"] = "df.libelle",
        ["action_code"] = "df.action_code",
        ["action_libelle"] = "act.libelle",
        ["activite_libelle"] = "a.libelle",
        ["societe_libelle"] = "s.libelle",
        ["tiers_raison_sociale"] = "t.raison_sociale",
        ["tiers_siret"] = "t.siret",
        ["branche_code"] = "t.branche_code",
        ["branche_libelle"] = "br.libelle",
        ["type_ej_libelle"] = "te.libelle",
    };

    public static IReadOnlyList<(string Name, string Sql)> All(SqlDialect d) =>
    [
        ("v_credit", Credit()),
        ("v_engagement", Engagement()),
        ("v_demande_paiement", Payment(d)),
        ("v_execution_budgetaire", BudgetExecution(d)),
        ("v_ecriture_comptable", Ledger(d)),
        ("v_recette_non_fiscale", Revenue(d)),
        ("v_versement_subvention", SubsidyPayment(d)),
        ("v_one_row", "SELECT 1 AS id\n"),
        .. BudgetSteering(d),
        ("v_service_fait", ServiceFait(d)),
        ("v_operation_paiement", PaymentOperation(d)),
        ("v_charge_a_payer", Accrual()),
        ("v_execution_marche", MarketExecution(d)),
        .. GeneralAccountingViews(d),
        ("v_titre_perception", TitrePerception(d)),
        ("v_encaissement_non_rapproche", UnmatchedReceipt(d)),
        ("v_prevision_recette", RevenueForecast(d)),
        ("v_produit_a_recevoir", AccruedRevenue()),
        ("v_suivi_subvention", SubsidyFollowUp(d)),
        ("v_versement_fonds_europeens", EuropeanFundPayment()),
        ("v_constat_chargement", LoadFindings(d)),
    ];

    private static string Credit() => Select(
        "fact_credit f",
        [.. ImputationColumns, "id", "categorie_code", "categorie_libelle", "titre", "titre_libelle",
            "ae_lfi", "cp_lfi", "ae_ouverts", "cp_ouverts", "ae_mis_a_disposition", "cp_mis_a_disposition"],
        new() { ["categorie_libelle"] = "cat.libelle", ["titre"] = "cat.titre", ["titre_libelle"] = "cat.titre_libelle" },
        ImputationJoins + DestinationJoins + "LEFT JOIN dim_categorie_lolf cat ON cat.code = f.categorie_code\n");

    private static string Engagement() => Select(
        "fact_engagement f",
        [.. ImputationColumns, .. SpendingColumns, "type_montant_code", "type_montant_libelle", "date_comptable",
            "date_creation_ej", "centre_couts_code", "compte_budgetaire_code", "compte_budgetaire_libelle",
            "categorie_code", "compte_general_code", "compte_general_libelle", "groupe_marchandises_code",
            "groupe_marchandises_libelle", "localisation_code", "localisation_libelle", "montant_engage", "montant_bascule",
            .. EngagementExtraColumns],
        Merge(new()
        {
            ["type_montant_libelle"] = "tm.libelle", ["compte_budgetaire_libelle"] = "cb.libelle",
            ["categorie_code"] = "cb.categorie_code", ["compte_general_libelle"] = "cg.libelle",
            ["groupe_marchandises_libelle"] = "gm.libelle", ["localisation_libelle"] = "loc.libelle",
        }, EngagementExtraOverrides),
        ImputationJoins + DestinationJoins + SpendingJoins + """
        LEFT JOIN dim_type_montant tm ON tm.code = f.type_montant_code
        LEFT JOIN dim_compte_budgetaire cb ON cb.code = f.compte_budgetaire_code
        LEFT JOIN dim_compte_general cg ON cg.code = f.compte_general_code
        LEFT JOIN dim_groupe_marchandises gm ON gm.code = f.groupe_marchandises_code
        LEFT JOIN dim_localisation loc ON loc.code = f.localisation_code

        """);

    private static string Payment(SqlDialect d) => Select(
        "fact_demande_paiement f",
        [.. ImputationColumns, .. SpendingColumns, "dp_numero", "dp_poste", "type_piece", "nature_dp_code",
            "nature_dp_libelle", "statut", "centre_couts_code", "compte_budgetaire_code", "categorie_code",
            "compte_general_code", "compte_general_libelle", "groupe_marchandises_code", "localisation_code",
            "localisation_libelle", "service_executant", "tiers_siren", "tiers_rna", "branche_est_subventionnable",
            "date_base", "date_derniere_operation", "date_paiement", "delai_paiement_jours", "montant", "montant_paye", "type_flux",
            .. PaymentExtraColumns],
        Merge(new()
        {
            ["nature_dp_libelle"] = "n.libelle", ["categorie_code"] = "cb.categorie_code",
            ["compte_general_libelle"] = "cg.libelle", ["localisation_libelle"] = "loc.libelle",
            ["tiers_siren"] = "t.siren", ["tiers_rna"] = "t.rna", ["branche_est_subventionnable"] = "br.est_subventionnable",
            ["montant_paye"] = $"CASE WHEN f.statut = 'PAY' THEN f.montant ELSE {d.ZeroAmount} END",
        }, PaymentExtraOverrides(d)),
        ImputationJoins + DestinationJoins + SpendingJoins + """
        LEFT JOIN dim_nature_dp n ON n.code = f.nature_dp_code
        LEFT JOIN dim_compte_budgetaire cb ON cb.code = f.compte_budgetaire_code
        LEFT JOIN dim_compte_general cg ON cg.code = f.compte_general_code
        LEFT JOIN dim_localisation loc ON loc.code = f.localisation_code

        """);

    private static readonly string[] ExecutionColumns =
    [
        "source", "date_comptable", "centre_couts_code", "compte_budgetaire_code", "compte_budgetaire_libelle",
        "compte_general_code", "groupe_marchandises_code", "localisation_code", "dp_numero", "sf_numero",
        "montant_engage", "montant_bascule", "montant_certifie_non_solde", "montant_pre_enregistre",
        "montant_facture", "montant_paye",
    ];

    private static string BudgetExecution(SqlDialect d)
    {
        string[] columns = [.. ImputationColumns, .. SpendingColumns, .. ExecutionColumns];
        var joins = ImputationJoins + DestinationJoins + SpendingJoins;
        var cb = "LEFT JOIN dim_compte_budgetaire cb ON cb.code = f.compte_budgetaire_code\n";
        string Amount(string condition) => $"CASE WHEN {condition} THEN f.montant ELSE {d.ZeroAmount} END";
        var ej = Select("fact_engagement f", columns, new()
        {
            ["source"] = "'EJ'", ["compte_budgetaire_libelle"] = "cb.libelle", ["dp_numero"] = d.NullText,
            ["sf_numero"] = d.NullText, ["montant_certifie_non_solde"] = d.ZeroAmount,
            ["montant_pre_enregistre"] = d.ZeroAmount, ["montant_facture"] = d.ZeroAmount, ["montant_paye"] = d.ZeroAmount,
        }, joins + cb);
        var sf = Select("fact_service_fait f", columns, new()
        {
            ["source"] = "'SF'", ["centre_couts_code"] = d.NullText,
            ["compte_budgetaire_libelle"] = "cb.libelle", ["compte_general_code"] = d.NullText,
            ["groupe_marchandises_code"] = d.NullText, ["localisation_code"] = d.NullText, ["dp_numero"] = d.NullText,
            ["montant_engage"] = d.ZeroAmount, ["montant_bascule"] = d.ZeroAmount,
            ["montant_certifie_non_solde"] = $"CASE WHEN f.est_solde = {d.True} THEN {d.ZeroAmount} ELSE f.montant END",
            ["montant_pre_enregistre"] = d.ZeroAmount, ["montant_facture"] = d.ZeroAmount, ["montant_paye"] = d.ZeroAmount,
        }, joins + cb);
        var dp = Select("fact_demande_paiement f", columns, new()
        {
            ["source"] = "'DP'", ["compte_budgetaire_libelle"] = "cb.libelle", ["sf_numero"] = d.NullText,
            ["date_comptable"] = "f.date_derniere_operation",
            ["montant_engage"] = d.ZeroAmount, ["montant_bascule"] = d.ZeroAmount, ["montant_certifie_non_solde"] = d.ZeroAmount,
            ["montant_pre_enregistre"] = Amount("f.statut = 'PRE'"), ["montant_facture"] = Amount("f.statut = 'FAC'"),
            ["montant_paye"] = Amount("f.statut = 'PAY'"),
        }, joins + cb);
        return $"{ej}\nUNION ALL\n{sf}\nUNION ALL\n{dp}";
    }

    private static readonly string[] RevenueColumns =
    [
        "id", "source", "periode", "societe_code", "titre_numero", "client_code", "client_nom", "client_categorie",
        "nature_recette_code", "nature_recette_libelle", "date_operation", "date_echeance", "mode_reglement",
        "montant_emis", "montant_annule", "montant_encaisse", "compte_general_code", "compte_general_libelle",
        "ligne_recette_code", "ligne_recette_libelle", "budget_code", "regie_code", "regie_libelle", "client_departement",
    ];

    private static string Revenue(SqlDialect d)
    {
        string[] columns = [.. ImputationColumns, .. RevenueColumns];
        var joins = ImputationJoins + """
            LEFT JOIN dim_client c ON c.code = f.client_code
            LEFT JOIN dim_nature_recette nr ON nr.code = f.nature_recette_code

            """ + RevenueLabelJoins;
        Dictionary<string, string> common = new()
        {
            // Revenue is imputed on a programme and centre financier, not on a domaine fonctionnel.
            ["domaine_fonctionnel_code"] = d.NullText, ["domaine_fonctionnel_libelle"] = d.NullText,
            ["action_code"] = d.NullText, ["action_libelle"] = d.NullText,
            ["client_nom"] = "c.nom", ["client_categorie"] = "c.categorie", ["nature_recette_libelle"] = "nr.libelle",
            ["compte_general_libelle"] = "cg.libelle", ["ligne_recette_libelle"] = "lr.libelle", ["budget_code"] = "lr.budget_code",
            ["regie_libelle"] = "rg.libelle", ["client_departement"] = "c.departement",
        };
        var titres = Select("fact_titre_perception f", columns, new(common)
        {
            ["source"] = "'TITRE'", ["date_operation"] = "f.date_emission", ["mode_reglement"] = d.NullText,
            ["montant_encaisse"] = d.ZeroAmount,
        }, joins);
        var encaissements = Select("fact_encaissement f", columns, new(common)
        {
            ["source"] = "'ENC'", ["date_operation"] = "f.date_encaissement", ["date_echeance"] = d.NullDate,
            ["montant_emis"] = d.ZeroAmount, ["montant_annule"] = d.ZeroAmount, ["montant_encaisse"] = "f.montant",
        }, joins);
        return $"{titres}\nUNION ALL\n{encaissements}";
    }

    private static string SubsidyPayment(SqlDialect d) => Select(
        "v_demande_paiement f",
        [.. ImputationColumns, .. SpendingColumns, "dp_numero", "dp_poste", "tiers_siren", "tiers_rna",
            "tiers_categorie_juridique", "tiers_commune", "tiers_departement", "tiers_etat_administratif",
            "societe_region", "date_operation", "montant_paye", .. SubsidyPaymentColumns],
        new(SubsidyPaymentExpressions)
        {
            ["tiers_categorie_juridique"] = "t.categorie_juridique", ["tiers_commune"] = "t.commune",
            ["tiers_departement"] = "t.departement", ["tiers_etat_administratif"] = "t.etat_administratif",
            ["societe_region"] = "s.region", ["date_operation"] = "f.date_derniere_operation",
        },
        """
        JOIN dim_tiers t ON t.code = f.tiers_code
        LEFT JOIN dim_societe s ON s.code = f.societe_code

        """ + SubsidyApplicationJoin + $"WHERE f.statut = 'PAY' AND f.branche_est_subventionnable = {d.True}\n",
        passThroughLabels: true);

    private static string Select(
        string from, IEnumerable<string> columns, Dictionary<string, string> overrides, string joins,
        bool passThroughLabels = false)
    {
        var sql = new StringBuilder("SELECT ");
        sql.AppendJoin(",\n    ", columns.Select(c => $"{Expression(c, overrides, passThroughLabels)} AS {c}"));
        sql.Append("\nFROM ").Append(from).Append('\n').Append(joins);
        return sql.ToString();
    }

    private static string Expression(string column, Dictionary<string, string> overrides, bool passThroughLabels) =>
        overrides.TryGetValue(column, out var expression) ? expression
        : !passThroughLabels && LabelExpressions.TryGetValue(column, out var label) ? label
        : "f." + column;
}
