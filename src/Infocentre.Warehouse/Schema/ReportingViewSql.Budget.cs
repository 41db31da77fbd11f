namespace Infocentre.Warehouse.Schema;

/// <summary>Views of the budget steering extension: credit movements, credit situation, emplois, échéancier, TF, CBR acts, DA.</summary>
public static partial class ReportingViewSql
{
    private const string CategorieJoin = "LEFT JOIN dim_categorie_lolf cat ON cat.code = f.categorie_code\n";

    private static readonly Dictionary<string, string> CategorieLabels = new(StringComparer.Ordinal)
    {
        ["categorie_libelle"] = "cat.libelle", ["titre"] = "cat.titre", ["titre_libelle"] = "cat.titre_libelle",
    };

    /// <summary>Facts imputed on a UO only: no domaine fonctionnel.</summary>
    private static Dictionary<string, string> NoDestination(SqlDialect d, Dictionary<string, string>? more = null)
    {
        Dictionary<string, string> columns = new(more ?? [], StringComparer.Ordinal)
        {
            ["domaine_fonctionnel_code"] = d.NullText, ["domaine_fonctionnel_libelle"] = d.NullText,
            ["action_code"] = d.NullText, ["action_libelle"] = d.NullText,
        };
        return columns;
    }

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/> (two date expressions).</summary>
    private static string DaysBetween(SqlDialect d, string from, string to) =>
        d == SqlDialect.Sqlite ? $"CAST(julianday({to}) - julianday({from}) AS INTEGER)"
        : d == SqlDialect.PostgreSql ? $"({to} - {from})"
        : $"DATEDIFF(day, {from}, {to})";

    /// <summary>31 December of the row's exercice, the reference date of pending items (deterministic results).</summary>
    private static string YearEnd(SqlDialect d) =>
        d == SqlDialect.Sqlite ? "(CAST(f.exercice AS TEXT) || '-12-31')"
        : d == SqlDialect.PostgreSql ? "make_date(f.exercice, 12, 31)"
        : "DATEFROMPARTS(f.exercice, 12, 31)";

    private static string Year(SqlDialect d, string date) =>
        d == SqlDialect.Sqlite ? $"CAST(substr({date}, 1, 4) AS INTEGER)"
        : d == SqlDialect.PostgreSql ? $"CAST(EXTRACT(YEAR FROM {date}) AS integer)"
        : $"YEAR({date})";

    private static IReadOnlyList<(string Name, string Sql)> BudgetSteering(SqlDialect d) =>
    [
        ("v_mouvement_credit", CreditMovement()),
        ("v_situation_credits", CreditSituation(d)),
        ("v_emploi", Employment(d)),
        ("v_echeancier_cp", PaymentSchedule(d)),
        ("v_tranche_fonctionnelle", FunctionalTranche()),
        ("v_acte_controle_budgetaire", BudgetControlAct(d)),
        ("v_demande_achat", PurchaseRequest(d)),
        ("v_execution_analytique", AnalyticalExecution()),
    ];

    private static string CreditMovement() => Select(
        "fact_mouvement_credit f",
        [.. ImputationColumns, "id", "periode", "categorie_code", "categorie_libelle", "titre", "titre_libelle",
            "type_mouvement_code", "type_mouvement_libelle", "nature_mouvement", "programme_contrepartie_code",
            "programme_contrepartie_libelle", "fonds_code", "fonds_libelle", "fonds_nature", "fonds_europeen",
            "taux_cofinancement", "acte_numero", "date_mouvement", "ae", "cp"],
        new(CategorieLabels)
        {
            ["type_mouvement_libelle"] = "tm.libelle", ["nature_mouvement"] = "tm.nature",
            ["programme_contrepartie_libelle"] = "pc.libelle", ["fonds_libelle"] = "fd.libelle",
            ["fonds_nature"] = "fd.nature", ["fonds_europeen"] = "fd.fonds_europeen",
            ["taux_cofinancement"] = "fd.taux_cofinancement",
        },
        ImputationJoins + DestinationJoins + CategorieJoin + """
        LEFT JOIN dim_type_mouvement_credit tm ON tm.code = f.type_mouvement_code
        LEFT JOIN dim_programme pc ON pc.code = f.programme_contrepartie_code
        LEFT JOIN dim_fonds fd ON fd.code = f.fonds_code

        """);

    private static readonly string[] SituationAmounts =
    [
        "ae_lfi", "cp_lfi", "ae_reports", "cp_reports", "ae_autres_mouvements", "cp_autres_mouvements", "ae_ouverts",
        "cp_ouverts", "ae_mouvements_reserve", "cp_mouvements_reserve", "ae_mis_a_disposition", "cp_mis_a_disposition",
        "ae_programmees", "cp_programmees", "montant_engage", "montant_bascule", "cp_consommes",
    ];

    private static string CreditSituation(SqlDialect d)
    {
        string[] columns =
        [
            "source", .. ImputationColumns, "id", "periode", "categorie_code", "categorie_libelle", "titre", "titre_libelle",
            "activite_code", "activite_libelle", .. SituationAmounts,
        ];
        Dictionary<string, string> Arm(string source, Dictionary<string, string> amounts, Dictionary<string, string> more)
        {
            Dictionary<string, string> o = new(CategorieLabels, StringComparer.Ordinal) { ["source"] = $"'{source}'" };
            foreach (var a in SituationAmounts)
            {
                o[a] = amounts.TryGetValue(a, out var e) ? e : d.ZeroAmount;
            }

            foreach (var (k, v) in more)
            {
                o[k] = v;
            }

            return o;
        }

        string When(string condition, string column) => $"CASE WHEN {condition} THEN f.{column} ELSE {d.ZeroAmount} END";
        const string Ouverture = "tm.nature = 'OUVERTURE'";
        const string Other = "tm.nature = 'OUVERTURE' AND f.type_mouvement_code NOT IN ('LFI', 'REP')";
        var noActivite = new Dictionary<string, string> { ["activite_code"] = d.NullText, ["activite_libelle"] = d.NullText };
        var movements = Select("fact_mouvement_credit f", columns, Arm("MVT", new()
        {
            ["ae_lfi"] = When("f.type_mouvement_code = 'LFI'", "ae"), ["cp_lfi"] = When("f.type_mouvement_code = 'LFI'", "cp"),
            ["ae_reports"] = When("f.type_mouvement_code = 'REP'", "ae"), ["cp_reports"] = When("f.type_mouvement_code = 'REP'", "cp"),
            ["ae_autres_mouvements"] = When(Other, "ae"), ["cp_autres_mouvements"] = When(Other, "cp"),
            ["ae_ouverts"] = When(Ouverture, "ae"), ["cp_ouverts"] = When(Ouverture, "cp"),
            ["ae_mouvements_reserve"] = When("tm.nature = 'RESERVE'", "ae"), ["cp_mouvements_reserve"] = When("tm.nature = 'RESERVE'", "cp"),
            ["ae_mis_a_disposition"] = When("tm.nature = 'MAD'", "ae"), ["cp_mis_a_disposition"] = When("tm.nature = 'MAD'", "cp"),
        }, noActivite), ImputationJoins + DestinationJoins + CategorieJoin
            + "LEFT JOIN dim_type_mouvement_credit tm ON tm.code = f.type_mouvement_code\n");
        var programming = Select("fact_programmation f", columns, Arm("PROG", new()
        {
            ["ae_programmees"] = "f.ae_programmees", ["cp_programmees"] = "f.cp_programmees",
        }, new() { ["periode"] = "1", ["activite_libelle"] = "a.libelle" }), ImputationJoins + DestinationJoins + CategorieJoin
            + "LEFT JOIN dim_activite a ON a.code = f.activite_code\n");
        var spendingJoins = ImputationJoins + DestinationJoins
            + "LEFT JOIN dim_categorie_lolf cat ON cat.code = f.compte_budgetaire_code\nLEFT JOIN dim_activite a ON a.code = f.activite_code\n";
        var spending = new Dictionary<string, string> { ["categorie_code"] = "f.compte_budgetaire_code", ["activite_libelle"] = "a.libelle" };
        var ej = Select("fact_engagement f", columns, Arm("EJ", new()
        {
            ["montant_engage"] = "f.montant_engage", ["montant_bascule"] = "f.montant_bascule",
        }, spending), spendingJoins);
        var sf = Select("fact_service_fait f", columns, Arm("SF", new()
        {
            ["cp_consommes"] = $"CASE WHEN f.est_solde = {d.True} THEN {d.ZeroAmount} ELSE f.montant END",
        }, spending), spendingJoins);
        var dp = Select("fact_demande_paiement f", columns, Arm("DP", new() { ["cp_consommes"] = "f.montant" }, spending), spendingJoins);
        return $"{movements}\nUNION ALL\n{programming}\nUNION ALL\n{ej}\nUNION ALL\n{sf}\nUNION ALL\n{dp}";
    }

    private static string Employment(SqlDialect d) => Select(
        "fact_emploi f",
        [.. ImputationColumns, "id", "periode", "categorie_emploi", "categorie_emploi_libelle", "plafond_etpt",
            "etpt_consommes", "effectif_fin_mois", "remunerations", "cotisations", "cas_pensions", "prestations_sociales"],
        NoDestination(d, new()
        {
            ["categorie_emploi_libelle"] = """
                CASE f.categorie_emploi WHEN 'A+' THEN 'Catégorie A+ (encadrement supérieur)' WHEN 'A' THEN 'Catégorie A'
                WHEN 'B' THEN 'Catégorie B' WHEN 'C' THEN 'Catégorie C' END
                """,
        }),
        ImputationJoins);

    private static string PaymentSchedule(SqlDialect d)
    {
        string Rank(int rank, string op = "=") => $"CASE WHEN f.annee_echeance - f.exercice {op} {rank} THEN f.cp_prevus ELSE {d.ZeroAmount} END";
        return Select(
            "fact_echeancier_cp f",
            [.. ImputationColumns, "id", "ej_numero", "type_ej_code", "type_ej_libelle", "tiers_code", "tiers_raison_sociale",
                "date_creation_ej", "annee_engagement", "tranche_anciennete", "date_derniere_operation", "jours_sans_mouvement",
                "annee_echeance", "rang_echeance",
                "cp_prevus", "cp_prevus_n1", "cp_prevus_n2", "cp_prevus_n3", "cp_prevus_n4"],
            NoDestination(d, new()
            {
                ["type_ej_libelle"] = "te.libelle", ["rang_echeance"] = "f.annee_echeance - f.exercice",
                ["tiers_raison_sociale"] = "t.raison_sociale", ["annee_engagement"] = Year(d, "f.date_creation_ej"),
                ["tranche_anciennete"] = $"""
                    CASE WHEN f.exercice - {Year(d, "f.date_creation_ej")} < 1 THEN 'Moins d''un an'
                    WHEN f.exercice - {Year(d, "f.date_creation_ej")} < 2 THEN '1 à 2 ans'
                    WHEN f.exercice - {Year(d, "f.date_creation_ej")} < 4 THEN '2 à 4 ans' ELSE '4 ans et plus' END
                    """,
                ["jours_sans_mouvement"] = DaysBetween(d, "f.date_derniere_operation", YearEnd(d)),
                ["cp_prevus_n1"] = Rank(1), ["cp_prevus_n2"] = Rank(2), ["cp_prevus_n3"] = Rank(3), ["cp_prevus_n4"] = Rank(4, ">="),
            }),
            ImputationJoins + "LEFT JOIN dim_type_ej te ON te.code = f.type_ej_code\nLEFT JOIN dim_tiers t ON t.code = f.tiers_code\n");
    }

    private static string FunctionalTranche() => Select(
        "fact_tranche_fonctionnelle f",
        [.. ImputationColumns, "id", "tranche_numero", "tranche_libelle", "nature", "localisation_code",
            "localisation_libelle", "date_affectation", "ae_affectees", "ae_engagees", "cp_payes"],
        new() { ["tranche_libelle"] = "f.libelle", ["localisation_libelle"] = "loc.libelle" },
        ImputationJoins + DestinationJoins + "LEFT JOIN dim_localisation loc ON loc.code = f.localisation_code\n");

    private static string BudgetControlAct(SqlDialect d) => Select(
        "fact_acte_controle_budgetaire f",
        [.. ImputationColumns, "id", "periode", "acte_numero", "type_acte", "type_acte_libelle", "ej_numero", "statut_visa",
            "statut_visa_libelle", "date_transmission", "date_visa", "delai_visa_jours", "montant"],
        NoDestination(d, new()
        {
            ["type_acte_libelle"] = "CASE f.type_acte WHEN 'EJ' THEN 'Engagement juridique soumis à visa' WHEN 'DPG' THEN 'Document prévisionnel de gestion' END",
            ["statut_visa_libelle"] = "CASE f.statut_visa WHEN 'VISE' THEN 'Visé' WHEN 'REFUSE' THEN 'Refus de visa' WHEN 'RETOURNE' THEN 'Retourné sans visa' WHEN 'ATTENTE' THEN 'En attente' END",
            ["delai_visa_jours"] = DaysBetween(d, "f.date_transmission", $"COALESCE(f.date_visa, {YearEnd(d)})"),
        }),
        ImputationJoins);

    private static string PurchaseRequest(SqlDialect d) => Select(
        "fact_demande_achat f",
        [.. ImputationColumns, "id", "periode", "centre_couts_code", "centre_couts_libelle", "societe_code", "da_numero",
            "date_creation", "date_replication", "statut_da", "ej_numero", "nombre_postes", "montant",
            "montant_postes_traites", "delai_traitement_jours"],
        NoDestination(d, new()
        {
            ["centre_couts_libelle"] = "cc.libelle",
            ["statut_da"] = "f.statut",
            ["delai_traitement_jours"] = DaysBetween(d, "f.date_creation", $"COALESCE(f.date_replication, {YearEnd(d)})"),
        }),
        ImputationJoins + "LEFT JOIN dim_centre_couts cc ON cc.code = f.centre_couts_code\n");

    private static string AnalyticalExecution()
    {
        string[] passed =
        [
            .. ImputationColumns, .. SpendingColumns, "source", "compte_budgetaire_code", "localisation_code", "montant_engage",
            "montant_bascule", "montant_certifie_non_solde", "montant_pre_enregistre", "montant_facture", "montant_paye",
        ];
        return Select(
            "v_execution_budgetaire f",
            [.. passed, "axe_ministeriel1", "axe_ministeriel2", "projet_analytique", "cper_code", "cper_axe"],
            new()
            {
                ["axe_ministeriel1"] = "ax.axe_ministeriel1", ["axe_ministeriel2"] = "ax.axe_ministeriel2",
                ["projet_analytique"] = "ax.projet_analytique", ["cper_code"] = "ax.cper_code", ["cper_axe"] = "ax.cper_axe",
            },
            "LEFT JOIN dim_axe_analytique ax ON ax.activite_code = f.activite_code\n",
            passThroughLabels: true);
    }
}
