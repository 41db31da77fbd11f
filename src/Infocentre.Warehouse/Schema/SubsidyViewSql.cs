namespace Infocentre.Warehouse.Schema;

/// <summary>DDL of the subsidies domain's reporting views, and its additions to v_versement_subvention.</summary>
public static partial class ReportingViewSql
{
    /// <summary>The application of a payment's EJ (fact_demande_subvention.ej_numero is unique: a key lookup).</summary>
    private const string SubsidyApplicationJoin = "LEFT JOIN fact_demande_subvention d ON d.ej_numero = f.ej_numero\n";

    private static readonly string[] SubsidyPaymentColumns =
    [
        "tiers_nic", "tiers_identifiant_type", "tiers_ridet_tahiti", "tiers_qpv_code", "tiers_qpv_libelle",
        "subvention_objet", "demande_source", "demande_numero",
    ];

    private static readonly Dictionary<string, string> SubsidyPaymentExpressions = new(StringComparer.Ordinal)
    {
        ["tiers_nic"] = "t.nic", ["tiers_identifiant_type"] = "t.identifiant_type", ["tiers_ridet_tahiti"] = "t.ridet_tahiti",
        ["tiers_qpv_code"] = "t.qpv_code", ["tiers_qpv_libelle"] = "t.qpv_libelle",
        ["subvention_objet"] = "d.objet", ["demande_source"] = "d.source_demande", ["demande_numero"] = "d.demande_numero",
    };

    private static readonly string[] FollowUpColumns =
    [
        "source", "id", "exercice", "ministere_code", "ministere_sigle", "programme_code", "programme_libelle",
        "activite_code", "activite_libelle", "tiers_code", "tiers_raison_sociale", "tiers_siret", "tiers_siren",
        "branche_code", "ej_numero", "exercice_demande", "demande_numero", "source_demande", "statut_demande", "objet", "annee_debut",
        "annee_fin", "pluriannuelle", "date_convention", "convention", "au_dela_seuil_convention",
        "montant_demande", "montant_accorde", "montant_prevu", "montant_verse",
    ];

    private const string FollowUpJoins = """
        LEFT JOIN dim_ministere m ON m.code = f.ministere_code
        LEFT JOIN dim_programme p ON p.code = f.programme_code

        """;

    /// <summary>Application attributes read from alias <paramref name="a"/> (the application itself, or the one of the EJ).</summary>
    private static Dictionary<string, string> ApplicationAttributes(SqlDialect d, string a) => new(StringComparer.Ordinal)
    {
        ["tiers_siren"] = "t.siren", ["exercice_demande"] = a + ".exercice", ["demande_numero"] = a + ".demande_numero", ["source_demande"] = a + ".source_demande",
        ["statut_demande"] = a + ".statut", ["objet"] = a + ".objet", ["annee_debut"] = a + ".annee_debut",
        ["annee_fin"] = a + ".annee_fin", ["date_convention"] = a + ".date_convention",
        ["pluriannuelle"] = $"CASE WHEN {a}.annee_fin > {a}.annee_debut THEN 'Oui' WHEN {a}.id IS NOT NULL THEN 'Non' END",
        ["convention"] = $"CASE WHEN {a}.date_convention IS NOT NULL THEN 'Signée' WHEN {a}.id IS NOT NULL THEN 'Absente' END",
        ["au_dela_seuil_convention"] =
            $"CASE WHEN {a}.convention_obligatoire = {d.True} THEN 'Oui' WHEN {a}.id IS NOT NULL THEN 'Non' END",
    };

    private static string SubsidyFollowUp(SqlDialect d)
    {
        var applications = Select("fact_demande_subvention f", FollowUpColumns, new(ApplicationAttributes(d, "f"))
        {
            ["source"] = "'DEM'", ["montant_prevu"] = d.ZeroAmount, ["montant_verse"] = d.ZeroAmount,
        }, FollowUpJoins + """
            LEFT JOIN dim_activite a ON a.code = f.activite_code
            LEFT JOIN dim_tiers t ON t.code = f.tiers_code

            """);
        var installments = Select("fact_echeance_subvention f", FollowUpColumns, new(ApplicationAttributes(d, "d"))
        {
            ["source"] = "'ECH'", ["activite_code"] = "d.activite_code", ["montant_demande"] = d.ZeroAmount,
            ["montant_accorde"] = d.ZeroAmount, ["montant_verse"] = d.ZeroAmount,
        }, FollowUpJoins + SubsidyApplicationJoin + """
            LEFT JOIN dim_activite a ON a.code = d.activite_code
            LEFT JOIN dim_tiers t ON t.code = f.tiers_code

            """);
        // The DP lines of v_versement_subvention on a ZSUB EJ, under the dispositif of their application.
        var payments = Select("fact_demande_paiement f", FollowUpColumns, new(ApplicationAttributes(d, "d"))
        {
            ["source"] = "'DP'", ["activite_code"] = "COALESCE(d.activite_code, f.activite_code)",
            ["montant_demande"] = d.ZeroAmount, ["montant_accorde"] = d.ZeroAmount, ["montant_prevu"] = d.ZeroAmount,
            ["montant_verse"] = "f.montant",
        }, FollowUpJoins + SubsidyApplicationJoin + $"""
            LEFT JOIN dim_activite a ON a.code = COALESCE(d.activite_code, f.activite_code)
            JOIN dim_tiers t ON t.code = f.tiers_code
            JOIN dim_branche_tiers br ON br.code = t.branche_code
            WHERE f.statut = 'PAY' AND f.type_ej_code = 'ZSUB' AND br.est_subventionnable = {d.True}

            """);
        return $"{applications}\nUNION ALL\n{installments}\nUNION ALL\n{payments}";
    }

    private static string EuropeanFundPayment() => Select(
        "fact_versement_fonds_europeens f",
        ["id", "exercice", "periode", "ministere_code", "ministere_sigle", "programme_code", "fonds", "societe_code",
            "societe_libelle", "societe_region", "centre_financier_code", "centre_financier_libelle",
            "domaine_fonctionnel_code", "domaine_fonctionnel_libelle", "ej_numero", "ej_poste", "dp_numero", "dp_poste",
            "tiers_code", "tiers_raison_sociale", "tiers_siret", "tiers_siren", "tiers_identifiant_type", "branche_code",
            "tiers_commune", "tiers_departement", "date_operation", "montant_paye"],
        new()
        {
            ["societe_region"] = "s.region", ["centre_financier_libelle"] = "f.centre_financier_libelle",
            ["domaine_fonctionnel_libelle"] = "f.domaine_fonctionnel_libelle", ["tiers_siren"] = "t.siren",
            ["tiers_identifiant_type"] = "t.identifiant_type", ["tiers_commune"] = "t.commune",
            ["tiers_departement"] = "t.departement", ["date_operation"] = "f.date_derniere_operation",
        },
        """
        LEFT JOIN dim_ministere m ON m.code = f.ministere_code
        LEFT JOIN dim_societe s ON s.code = f.societe_code
        LEFT JOIN dim_tiers t ON t.code = f.tiers_code

        """);
}
