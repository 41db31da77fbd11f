namespace Infocentre.Warehouse.Schema;

/// <summary>The recettes non fiscales views beyond v_recette_non_fiscale: titres by status, unmatched receipts, forecasts, accruals.</summary>
public static partial class ReportingViewSql
{
    private const string RevenueLabelJoins = """
        LEFT JOIN dim_compte_general cg ON cg.code = f.compte_general_code
        LEFT JOIN dim_ligne_recette lr ON lr.code = f.ligne_recette_code
        LEFT JOIN dim_regie rg ON rg.code = f.regie_code

        """;

    private static string TitrePerception(SqlDialect d)
    {
        var age = DaysBetween(d, "f.date_emission", "f.date_arrete");
        return Select(
            "fact_titre_perception f",
            [.. ImputationColumns, "id", "periode", "societe_code", "societe_libelle", "titre_numero", "client_code", "client_nom",
                "client_categorie", "client_departement", "nature_recette_code", "nature_recette_libelle", "compte_general_code",
                "compte_general_libelle", "origine", "ligne_recette_code", "ligne_recette_libelle", "budget_code", "budget_libelle",
                "regie_code", "regie_libelle", "programme_acheteur_code", "programme_acheteur_libelle", "fonds_concours_code",
                "contrat_numero", "contrat_montant", "date_emission", "date_prise_en_charge", "date_echeance", "date_annulation",
                "exercice_annulation", "motif_annulation", "date_dernier_encaissement", "date_arrete", "montant_emis",
                "montant_annule", "montant_net", "montant_encaisse", "montant_encaisse_exercice", "montant_reste_a_recouvrer",
                "statut", "etape_recouvrement", "echeancier_date_octroi", "echeancier_nombre_echeances", "echeancier_montant",
                "delai_recouvrement_jours", "anciennete_jours", "tranche_anciennete"],
            new()
            {
                ["client_nom"] = "c.nom", ["client_categorie"] = "c.categorie", ["client_departement"] = "c.departement",
                ["nature_recette_libelle"] = "nr.libelle", ["compte_general_libelle"] = "cg.libelle",
                ["ligne_recette_libelle"] = "lr.libelle", ["budget_code"] = "lr.budget_code", ["budget_libelle"] = "lr.budget_libelle",
                ["regie_libelle"] = "rg.libelle", ["programme_acheteur_libelle"] = "pa.libelle",
                ["delai_recouvrement_jours"] =
                    $"CASE WHEN f.statut = 'Recouvré' THEN {DaysBetween(d, "f.date_emission", "f.date_dernier_encaissement")} ELSE {d.NullInt} END",
                ["anciennete_jours"] = age,
                ["tranche_anciennete"] = AgeBucket(age),
            },
            ImputationJoins + DestinationJoins + RevenueLabelJoins + """
            LEFT JOIN dim_societe s ON s.code = f.societe_code
            LEFT JOIN dim_client c ON c.code = f.client_code
            LEFT JOIN dim_nature_recette nr ON nr.code = f.nature_recette_code
            LEFT JOIN dim_programme pa ON pa.code = f.programme_acheteur_code

            """);
    }

    private static string UnmatchedReceipt(SqlDialect d)
    {
        var age = DaysBetween(d, "f.date_encaissement", "f.date_arrete");
        return Select(
            "fact_encaissement_non_rapproche f",
            ["id", "exercice", "periode", "societe_code", "societe_libelle", "ministere_code", "ministere_libelle", "programme_code",
                "programme_libelle", "centre_financier_code", "reference", "date_encaissement", "mode_reglement", "motif", "montant",
                "date_arrete", "anciennete_jours", "tranche_anciennete"],
            new() { ["anciennete_jours"] = age, ["tranche_anciennete"] = AgeBucket(age) },
            """
            LEFT JOIN dim_societe s ON s.code = f.societe_code
            LEFT JOIN dim_ministere m ON m.code = f.ministere_code
            LEFT JOIN dim_programme p ON p.code = f.programme_code

            """);
    }

    private static string RevenueForecast(SqlDialect d)
    {
        string[] columns =
        [
            "id", "source", "exercice", "ministere_code", "ministere_libelle", "programme_code", "programme_libelle",
            "ligne_recette_code", "ligne_recette_libelle", "budget_code", "budget_libelle", "montant_prevision",
            "montant_constate", "montant_encaisse",
        ];
        const string joins = """
            LEFT JOIN dim_ministere m ON m.code = f.ministere_code
            LEFT JOIN dim_programme p ON p.code = f.programme_code
            LEFT JOIN dim_ligne_recette lr ON lr.code = f.ligne_recette_code

            """;
        Dictionary<string, string> labels = new()
        {
            ["ligne_recette_libelle"] = "lr.libelle", ["budget_code"] = "lr.budget_code", ["budget_libelle"] = "lr.budget_libelle",
        };
        var forecasts = Select("fact_prevision_recette f", columns, new(labels)
        {
            ["source"] = "'PREV'", ["montant_prevision"] = "f.montant_prevision_lfi",
            ["montant_constate"] = d.ZeroAmount, ["montant_encaisse"] = d.ZeroAmount,
        }, joins);
        var titres = Select("fact_titre_perception f", columns, new(labels)
        {
            ["source"] = "'TITRE'", ["montant_prevision"] = d.ZeroAmount, ["montant_constate"] = "f.montant_net",
            ["montant_encaisse"] = d.ZeroAmount,
        }, joins);
        var receipts = Select("fact_encaissement f", columns, new(labels)
        {
            ["source"] = "'ENC'", ["montant_prevision"] = d.ZeroAmount, ["montant_constate"] = d.ZeroAmount,
            ["montant_encaisse"] = "f.montant",
        }, joins);
        return $"{forecasts}\nUNION ALL\n{titres}\nUNION ALL\n{receipts}";
    }

    private static string AccruedRevenue() => Select(
        "fact_produit_a_recevoir f",
        ["id", "exercice", "societe_code", "societe_libelle", "ministere_code", "ministere_libelle", "programme_code",
            "programme_libelle", "nature_recette_code", "nature_recette_libelle", "compte_general_code", "compte_general_libelle",
            "date_inventaire", "montant"],
        new() { ["nature_recette_libelle"] = "nr.libelle", ["compte_general_libelle"] = "cg.libelle" },
        """
        LEFT JOIN dim_societe s ON s.code = f.societe_code
        LEFT JOIN dim_ministere m ON m.code = f.ministere_code
        LEFT JOIN dim_programme p ON p.code = f.programme_code
        LEFT JOIN dim_nature_recette nr ON nr.code = f.nature_recette_code
        LEFT JOIN dim_compte_general cg ON cg.code = f.compte_general_code

        """);

    /// <summary>Ageing class of a number of days, as recovery services count them.</summary>
    private static string AgeBucket(string days) => $"""
        CASE WHEN {days} <= 90 THEN '1. Moins de 3 mois' WHEN {days} <= 180 THEN '2. De 3 à 6 mois'
            WHEN {days} <= 365 THEN '3. De 6 à 12 mois' WHEN {days} <= 730 THEN '4. De 1 à 2 ans' ELSE '5. Plus de 2 ans' END
        """;
}
