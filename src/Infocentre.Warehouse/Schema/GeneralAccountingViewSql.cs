namespace Infocentre.Warehouse.Schema;

/// <summary>
/// The general-accounting views: the ledger with its financial-statement mapping, operation type, third party,
/// lettrage and age at the 31 December; the budget/accrual reconciliation; the accounting-quality checks; the
/// off-balance-sheet commitments and the full-cost analysis. Amount columns are plain columns or CASE choices
/// between a column and a zero, never arithmetic, so that sums stay exact decimals on every engine.
/// </summary>
public static partial class ReportingViewSql
{
    private static IEnumerable<(string Name, string Sql)> GeneralAccountingViews(SqlDialect d) =>
    [
        ("v_rapprochement_budget_compta", BudgetAccrual(d)),
        ("v_anomalie_comptable", AccountingAnomalies(d)),
        ("v_engagement_hors_bilan", OffBalance()),
        ("v_cout_complet", FullCost()),
    ];

    /// <summary>Days from a date column to the 31 December of f.exercice.</summary>
    private static string DaysToYearEnd(SqlDialect d, string column) =>
        d == SqlDialect.Sqlite ? $"CAST(julianday(printf('%04d-12-31', f.exercice)) - julianday({column}) AS INTEGER)"
        : d == SqlDialect.PostgreSql ? $"(make_date(f.exercice, 12, 31) - {column})"
        : $"DATEDIFF(day, {column}, DATEFROMPARTS(f.exercice, 12, 31))";

    private static string YearOf(SqlDialect d, string column) =>
        d == SqlDialect.Sqlite ? $"CAST(substr({column}, 1, 4) AS INTEGER)"
        : d == SqlDialect.PostgreSql ? $"CAST(EXTRACT(YEAR FROM {column}) AS integer)"
        : $"YEAR({column})";

    private const string OpenItem = "f.date_echeance IS NOT NULL AND f.lettrage IS NULL";

    private static string Ledger(SqlDialect d)
    {
        var age = DaysToYearEnd(d, "f.date_echeance");
        string When(string condition, string column) => $"CASE WHEN {condition} THEN f.{column} ELSE {d.ZeroAmount} END";
        return Select(
            "fact_ecriture_comptable f",
            ["id", "exercice", "periode", "societe_code", "societe_libelle", "ministere_code", "ministere_sigle",
                "programme_code", "programme_libelle", "piece_numero", "ligne", "journal", "date_comptable",
                "compte_general_code", "compte_general_libelle", "classe", "tiers_code", "libelle", "debit", "credit",
                "type_operation", "type_operation_libelle", "journal_libelle", "client_code", "client_nom", "tiers_raison_sociale",
                "tiers_auxiliaire_code", "tiers_auxiliaire_nom", "date_echeance", "lettrage", "age_jours", "tranche_age",
                "domaine_fonctionnel_code", "action_code", "centre_couts_code", "etat", "rubrique", "poste", "sous_poste",
                "classe_immobilisation", "debit_entree", "credit_entree", "debit_gestion", "credit_gestion",
                "debit_fin_gestion", "credit_fin_gestion", "debit_non_lettre", "credit_non_lettre",
                "bilan_rubrique", "bilan_poste", "bilan_sous_poste"],
            new()
            {
                ["compte_general_libelle"] = "cg.libelle", ["classe"] = "cg.classe",
                ["type_operation_libelle"] = """
                    CASE f.type_operation WHEN 'OUV' THEN 'Balance d''entrée' WHEN 'INV' THEN 'Opérations de fin de gestion'
                        ELSE 'Opérations de gestion' END
                    """,
                ["journal_libelle"] = """
                    CASE f.journal WHEN 'RE' THEN 'Dépenses (demandes de paiement)' WHEN 'DR' THEN 'Titres de perception'
                        WHEN 'DA' THEN 'Annulations de titres' WHEN 'DZ' THEN 'Encaissements' WHEN 'SA' THEN 'Paie'
                        WHEN 'AM' THEN 'Amortissements' WHEN 'IN' THEN 'Inventaire' WHEN 'EX' THEN 'Extournes'
                        WHEN 'OD' THEN 'Opérations diverses' WHEN 'AN' THEN 'À-nouveaux' ELSE f.journal END
                    """,
                ["client_nom"] = "c.nom",
                ["tiers_auxiliaire_code"] = "COALESCE(f.tiers_code, f.client_code)",
                ["tiers_auxiliaire_nom"] = "COALESCE(t.raison_sociale, c.nom)",
                ["age_jours"] = $"CASE WHEN {OpenItem} THEN {age} END",
                ["tranche_age"] = $"""
                    CASE WHEN NOT ({OpenItem}) THEN {d.NullText}
                        WHEN {age} < 0 THEN '1 - Non échu' WHEN {age} <= 30 THEN '2 - 0 à 30 jours'
                        WHEN {age} <= 90 THEN '3 - 31 à 90 jours' WHEN {age} <= 180 THEN '4 - 91 à 180 jours'
                        WHEN {age} <= 365 THEN '5 - 181 à 365 jours' ELSE '6 - Plus d''un an' END
                    """,
                ["action_code"] = "df.action_code",
                ["etat"] = "cg.etat", ["rubrique"] = "cg.rubrique", ["poste"] = "cg.poste", ["sous_poste"] = "cg.sous_poste",
                ["classe_immobilisation"] = "cg.classe_immobilisation",
                ["debit_entree"] = When("f.type_operation = 'OUV'", "debit"),
                ["credit_entree"] = When("f.type_operation = 'OUV'", "credit"),
                ["debit_gestion"] = When("f.type_operation = 'GES'", "debit"),
                ["credit_gestion"] = When("f.type_operation = 'GES'", "credit"),
                ["debit_fin_gestion"] = When("f.type_operation = 'INV'", "debit"),
                ["credit_fin_gestion"] = When("f.type_operation = 'INV'", "credit"),
                ["debit_non_lettre"] = When(OpenItem, "debit"),
                ["credit_non_lettre"] = When(OpenItem, "credit"),
                // Before closing, the exercice's charges and produits are the situation nette's "solde des opérations".
                ["bilan_rubrique"] = "CASE WHEN cg.etat = 'RESULTAT' THEN 'PASSIF' ELSE cg.rubrique END",
                ["bilan_poste"] = "CASE WHEN cg.etat = 'RESULTAT' THEN 'Situation nette' ELSE cg.poste END",
                ["bilan_sous_poste"] = "CASE WHEN cg.etat = 'RESULTAT' THEN 'Solde des opérations de l''exercice' ELSE cg.sous_poste END",
            },
            """
            LEFT JOIN dim_societe s ON s.code = f.societe_code
            LEFT JOIN dim_ministere m ON m.code = f.ministere_code
            LEFT JOIN dim_programme p ON p.code = f.programme_code
            LEFT JOIN dim_compte_general cg ON cg.code = f.compte_general_code
            LEFT JOIN dim_tiers t ON t.code = f.tiers_code
            LEFT JOIN dim_client c ON c.code = f.client_code
            LEFT JOIN dim_domaine_fonctionnel df ON df.code = f.domaine_fonctionnel_code

            """);
    }

    private static readonly string[] BudgetAccrualColumns =
    [
        "source", "id", "exercice", "ministere_code", "ministere_sigle", "programme_code", "programme_libelle",
        "compte_general_code", "compte_general_libelle", "classe", "cp_payes", "charges_debit", "charges_credit",
    ];

    private static string BudgetAccrual(SqlDialect d)
    {
        const string Joins = """
            LEFT JOIN dim_ministere m ON m.code = f.ministere_code
            LEFT JOIN dim_programme p ON p.code = f.programme_code
            LEFT JOIN dim_compte_general cg ON cg.code = f.compte_general_code

            """;
        var payments = Select("fact_demande_paiement f", BudgetAccrualColumns, new()
        {
            ["source"] = "'DP'", ["compte_general_libelle"] = "cg.libelle", ["classe"] = "cg.classe",
            ["cp_payes"] = "f.montant", ["charges_debit"] = d.ZeroAmount, ["charges_credit"] = d.ZeroAmount,
        }, Joins + "WHERE f.statut = 'PAY'\n");
        var charges = Select("fact_ecriture_comptable f", BudgetAccrualColumns, new()
        {
            ["source"] = "'CG'", ["compte_general_libelle"] = "cg.libelle", ["classe"] = "cg.classe",
            ["cp_payes"] = d.ZeroAmount, ["charges_debit"] = "f.debit", ["charges_credit"] = "f.credit",
        }, Joins + "WHERE f.compte_general_code LIKE '6%'\n");
        return $"{payments}\nUNION ALL\n{charges}";
    }

    private static readonly string[] AnomalyColumns =
    [
        "anomalie_code", "anomalie_libelle", "id", "exercice", "societe_code", "societe_libelle", "ministere_code",
        "programme_code", "piece_numero", "journal", "date_comptable", "compte_general_code", "debit", "credit",
    ];

    private static string AccountingAnomalies(SqlDialect d)
    {
        const string Joins = "LEFT JOIN dim_societe s ON s.code = f.societe_code\n";
        string Arm(string code, string label, string where) => Select("fact_ecriture_comptable f", AnomalyColumns, new()
        {
            ["anomalie_code"] = $"'{code}'", ["anomalie_libelle"] = $"'{label}'",
        }, Joins + "WHERE " + where + "\n");
        string[] arms =
        [
            Arm("DESEQ", "Pièce déséquilibrée (débit ≠ crédit)", UnbalancedPiece(d)),
            Arm("ATTENTE", "Compte d''attente (47) non apuré au 31/12", $"f.compte_general_code LIKE '47%' AND {OpenItem}"),
            Arm("CREANCE", "Créance échue avant l''exercice et non soldée au 31/12", $"f.compte_general_code LIKE '41%' AND {OpenItem} AND {YearOf(d, "f.date_echeance")} < f.exercice"),
            Arm("HORSEX", "Écriture datée hors de son exercice", $"{YearOf(d, "f.date_comptable")} <> f.exercice"),
            Arm("SANSTIERS", "Ligne de compte de tiers sans tiers", """
                (f.compte_general_code LIKE '401%' OR f.compte_general_code LIKE '411%') AND f.tiers_code IS NULL AND f.client_code IS NULL
                """),
        ];
        return string.Join("UNION ALL\n", arms);
    }

    /// <summary>The line's pièce does not balance (row values where the engine has them, EXISTS on SQL Server).</summary>
    private static string UnbalancedPiece(SqlDialect d) => d == SqlDialect.SqlServer
        ? """
            EXISTS (SELECT 1 FROM fact_ecriture_comptable g
                WHERE g.exercice = f.exercice AND g.societe_code = f.societe_code AND g.piece_numero = f.piece_numero
                HAVING ROUND(SUM(g.debit) - SUM(g.credit), 2) <> 0)
            """
        : """
            (f.exercice, f.societe_code, f.piece_numero) IN (
                SELECT g.exercice, g.societe_code, g.piece_numero FROM fact_ecriture_comptable g
                GROUP BY g.exercice, g.societe_code, g.piece_numero
                HAVING ROUND(SUM(g.debit) - SUM(g.credit), 2) <> 0)
            """;

    private static string OffBalance() => Select(
        "fact_engagement_hors_bilan f",
        ["id", "exercice", "ministere_code", "ministere_sigle", "programme_code", "programme_libelle", "nature_code", "nature_libelle",
            "montant_ouverture", "montant_nouveaux", "montant_eteints", "montant_cloture"],
        new()
        {
            ["nature_libelle"] = """
                CASE f.nature_code WHEN 'GAR' THEN 'Garanties données' WHEN 'LIT' THEN 'Passifs éventuels (litiges)'
                    WHEN 'RAP' THEN 'Engagements sur contrats (restes à payer)' WHEN 'FIN' THEN 'Engagements de financement'
                    ELSE f.nature_code END
                """,
        },
        """
        LEFT JOIN dim_ministere m ON m.code = f.ministere_code
        LEFT JOIN dim_programme p ON p.code = f.programme_code

        """);

    private static string FullCost() => Select(
        "fact_cout_complet f",
        ["id", "exercice", "ministere_code", "ministere_sigle", "programme_code", "programme_libelle", "action_code", "action_libelle",
            "centre_couts_code", "centre_couts_libelle", "cout_direct", "cout_deverse"],
        new() { ["action_code"] = "f.action_code", ["action_libelle"] = "act.libelle", ["centre_couts_libelle"] = "cc.libelle" },
        """
        LEFT JOIN dim_ministere m ON m.code = f.ministere_code
        LEFT JOIN dim_programme p ON p.code = f.programme_code
        LEFT JOIN dim_domaine_fonctionnel act ON act.code = f.action_code
        LEFT JOIN dim_centre_couts cc ON cc.code = f.centre_couts_code

        """);
}
