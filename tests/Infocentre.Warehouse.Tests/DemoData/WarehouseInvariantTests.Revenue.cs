namespace Infocentre.Warehouse.Tests.DemoData;

/// <summary>Recettes non fiscales: the situation stored on each titre agrees with its receipts, and the small facts with the référentiels.</summary>
public abstract partial class WarehouseInvariantTests
{
    [Fact]
    public Task Titre_situation_equals_what_its_receipts_and_cancellation_say() => AssertNone(
        "encaissé = Σ encaissements, net = émis − annulé, reste = net − encaissé, dernier encaissement, encaissé dans l'exercice",
        $"""
        SELECT COUNT(*) FROM fact_titre_perception t
        LEFT JOIN (SELECT titre_numero, SUM({C("montant")}) AS collected, MAX(date_encaissement) AS last_date
                   FROM fact_encaissement GROUP BY titre_numero) r ON r.titre_numero = t.titre_numero
        LEFT JOIN (SELECT e.titre_numero, SUM({C("e.montant")}) AS collected
                   FROM fact_encaissement e JOIN fact_titre_perception o ON o.titre_numero = e.titre_numero
                   WHERE e.exercice = o.exercice GROUP BY e.titre_numero) y ON y.titre_numero = t.titre_numero
        WHERE {C("t.montant_encaisse")} <> COALESCE(r.collected, 0)
           OR {C("t.montant_encaisse_exercice")} <> COALESCE(y.collected, 0)
           OR {C("t.montant_net")} <> {C("t.montant_emis")} - {C("t.montant_annule")}
           OR {C("t.montant_reste_a_recouvrer")} <> {C("t.montant_emis")} - {C("t.montant_annule")} - COALESCE(r.collected, 0)
           OR (t.date_dernier_encaissement IS NULL AND r.last_date IS NOT NULL)
           OR (t.date_dernier_encaissement IS NOT NULL AND (r.last_date IS NULL OR t.date_dernier_encaissement <> r.last_date))
        """);

    [Fact]
    public Task Titre_statut_and_etape_follow_its_amounts_and_dates() => AssertNone(
        "statut from the amounts; étape, origine, motif from their lists; dates in order up to the date d'arrêté",
        $"""
        SELECT COUNT(*) FROM fact_titre_perception t
        WHERE t.statut <> CASE
                WHEN {C("t.montant_reste_a_recouvrer")} > 0 AND {C("t.montant_encaisse")} > 0 THEN 'Partiellement recouvré'
                WHEN {C("t.montant_reste_a_recouvrer")} > 0 AND t.date_prise_en_charge IS NULL THEN 'Émis'
                WHEN {C("t.montant_reste_a_recouvrer")} > 0 THEN 'Pris en charge'
                WHEN {C("t.montant_encaisse")} > 0 THEN 'Recouvré'
                ELSE 'Soldé par annulation' END
           OR t.etape_recouvrement NOT IN ('Amiable', 'Relance', 'Mise en demeure', 'Contentieux')
           OR t.origine NOT IN ('Facturation externe', 'Facturation interne', 'Constatation d''indu', 'Produits de cession',
                                'Fonds de concours', 'Attribution de produits', 'Amendes et sanctions')
           OR (t.origine = 'Facturation interne') <> (t.programme_acheteur_code IS NOT NULL)
           OR t.programme_acheteur_code = t.programme_code
           OR (t.origine IN ('Fonds de concours', 'Attribution de produits')) <> (t.fonds_concours_code IS NOT NULL)
           OR ({C("t.montant_annule")} > 0) <> (t.motif_annulation IS NOT NULL)
           OR (t.motif_annulation IS NOT NULL AND t.motif_annulation NOT IN
                 ('Réduction', 'Annulation pour erreur', 'Admission en non-valeur', 'Remise gracieuse'))
           OR ({C("t.montant_annule")} > 0) <> (t.date_annulation IS NOT NULL)
           OR (t.date_annulation IS NOT NULL AND (t.exercice_annulation <> {F.Year("t.date_annulation")}
                 OR t.date_annulation < t.date_emission OR t.date_annulation > t.date_arrete))
           OR t.date_prise_en_charge < t.date_emission OR t.date_prise_en_charge > t.date_arrete
           OR t.date_dernier_encaissement > t.date_arrete OR t.date_emission > t.date_arrete
           OR (t.echeancier_nombre_echeances > 0) <> (t.echeancier_date_octroi IS NOT NULL)
           OR (t.echeancier_nombre_echeances > 0 AND ({C("t.echeancier_montant")} <= 0
                 OR {C("t.echeancier_montant")} > {C("t.montant_net")} OR t.echeancier_date_octroi > t.date_arrete))
           OR (t.contrat_numero IS NOT NULL AND {C("t.contrat_montant")} < {C("t.montant_emis")})
        """);

    [Fact]
    public Task Receipts_carry_the_budget_line_regie_and_account_of_their_titre() => AssertNone(
        "encaissement ↔ titre (ligne de recette, régie, compte)",
        """
        SELECT COUNT(*) FROM fact_encaissement r JOIN fact_titre_perception t ON t.titre_numero = r.titre_numero
        WHERE r.ligne_recette_code <> t.ligne_recette_code OR r.compte_general_code <> t.compte_general_code
           OR COALESCE(r.regie_code, '-') <> COALESCE(t.regie_code, '-')
        """);

    [Fact]
    public async Task Revenue_side_facts_agree_with_the_referentials()
    {
        foreach (var table in new[] { "fact_encaissement_non_rapproche", "fact_prevision_recette", "fact_produit_a_recevoir" })
        {
            await AssertNone(table + " ministère ↔ programme", $"""
                SELECT COUNT(*) FROM {table} f JOIN dim_programme p ON p.code = f.programme_code
                WHERE p.ministere_code <> f.ministere_code
                """);
        }

        await AssertNone("unmatched receipts before the date d'arrêté", $"""
            SELECT COUNT(*) FROM fact_encaissement_non_rapproche f
            WHERE f.date_encaissement > f.date_arrete OR {C("f.montant")} <= 0
            """);
        await AssertNone("accruals at the 31/12 of their exercice, booked to the nature's account", $"""
            SELECT COUNT(*) FROM fact_produit_a_recevoir f
            WHERE {F.Year("f.date_inventaire")} <> f.exercice OR {F.MonthDay("f.date_inventaire")} <> '12-31' OR {C("f.montant")} <= 0
               OR NOT EXISTS (SELECT 1 FROM fact_titre_perception t
                              WHERE t.nature_recette_code = f.nature_recette_code AND t.compte_general_code = f.compte_general_code)
            """);
    }
}
