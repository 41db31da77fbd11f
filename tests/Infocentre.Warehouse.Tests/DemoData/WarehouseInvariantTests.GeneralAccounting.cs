namespace Infocentre.Warehouse.Tests.DemoData;

/// <summary>The general-accounting rules: carried balances, lettrage, operation types, the two small facts.</summary>
public abstract partial class WarehouseInvariantTests
{
    [Fact]
    public Task Each_balance_d_entree_carries_the_previous_closing_balance() => AssertNone(
        "OUV of N+1 = Σ (débit − crédit) of N per société, ministère, programme and balance-sheet account; classes 6-7 go to 110",
        $"""
        SELECT COUNT(*) FROM (
            SELECT exercice, societe_code, ministere_code, programme_code, compte, SUM(closing) AS closing, SUM(opening) AS opening
            FROM (
                SELECT f.exercice + 1 AS exercice, f.societe_code, f.ministere_code, f.programme_code,
                       CASE WHEN f.compte_general_code LIKE '6%' OR f.compte_general_code LIKE '7%' THEN '1100000000' ELSE f.compte_general_code END AS compte,
                       {C("f.debit")} - {C("f.credit")} AS closing, 0 AS opening
                FROM fact_ecriture_comptable f
                WHERE f.exercice < (SELECT MAX(exercice) FROM fact_ecriture_comptable)
                UNION ALL
                SELECT f.exercice, f.societe_code, f.ministere_code, f.programme_code, f.compte_general_code, 0, {C("f.debit")} - {C("f.credit")}
                FROM fact_ecriture_comptable f
                WHERE f.type_operation = 'OUV' AND f.exercice > (SELECT MIN(exercice) FROM fact_ecriture_comptable)
            ) x
            GROUP BY exercice, societe_code, ministere_code, programme_code, compte
            HAVING SUM(closing) <> SUM(opening)) differences
        """);

    [Fact]
    public Task Lettered_lines_balance_and_open_items_are_third_party_lines() => AssertNone(
        "Σ (débit − crédit) = 0 per lettrage and exercice; échéance only on classe 4; lettrage only with an échéance",
        $"""
        SELECT (SELECT COUNT(*) FROM (
                    SELECT exercice, lettrage FROM fact_ecriture_comptable WHERE lettrage IS NOT NULL
                    GROUP BY exercice, lettrage HAVING SUM({C("debit")}) <> SUM({C("credit")})) unbalanced)
             + (SELECT COUNT(*) FROM fact_ecriture_comptable
                WHERE (date_echeance IS NOT NULL AND compte_general_code NOT LIKE '4%')
                   OR (lettrage IS NOT NULL AND date_echeance IS NULL)
                   OR (compte_general_code LIKE '411%' AND client_code IS NULL)
                   OR (compte_general_code LIKE '401%' AND tiers_code IS NULL))
        """);

    [Fact]
    public async Task Operation_types_follow_the_journals()
    {
        await AssertNone("OUV ⇔ journal AN; INV ⇔ journals AM and IN; openings on the 1 January", """
            SELECT COUNT(*) FROM fact_ecriture_comptable
            WHERE type_operation NOT IN ('OUV', 'GES', 'INV')
               OR (type_operation = 'OUV') <> (journal = 'AN')
               OR (type_operation = 'INV') <> (journal IN ('AM', 'IN'))
            """);
        foreach (var type in new[] { "OUV", "GES", "INV" })
        {
            Assert.True(await Warehouse.CountAsync($"SELECT COUNT(*) FROM fact_ecriture_comptable WHERE type_operation = '{type}'") > 0, type);
        }
    }

    [Fact]
    public Task Off_balance_commitments_roll_forward() => AssertNone(
        "clôture = ouverture + nouveaux − éteints; the next exercice opens at the clôture",
        $"""
        SELECT (SELECT COUNT(*) FROM fact_engagement_hors_bilan
                WHERE {C("montant_cloture")} <> {C("montant_ouverture")} + {C("montant_nouveaux")} - {C("montant_eteints")}
                   OR {C("montant_ouverture")} < 0 OR {C("montant_cloture")} < 0)
             + (SELECT COUNT(*) FROM fact_engagement_hors_bilan n
                JOIN fact_engagement_hors_bilan p ON p.exercice = n.exercice - 1 AND p.ministere_code = n.ministere_code
                 AND p.nature_code = n.nature_code AND COALESCE(p.programme_code, '#') = COALESCE(n.programme_code, '#')
                WHERE {C("p.montant_cloture")} <> {C("n.montant_ouverture")})
        """);

    [Fact]
    public Task Full_cost_equals_the_class_6_charges_of_each_ministere() => AssertNone(
        "Σ coût direct = class 6 with a programme, Σ coût déversé = class 6 without one, per exercice and ministère",
        $"""
        SELECT COUNT(*) FROM (
            SELECT exercice, ministere_code, SUM(direct) AS direct, SUM(pool) AS pool, SUM(fact_direct) AS fact_direct, SUM(fact_pool) AS fact_pool
            FROM (
                SELECT exercice, ministere_code,
                       CASE WHEN programme_code IS NOT NULL THEN {C("debit")} - {C("credit")} ELSE 0 END AS direct,
                       CASE WHEN programme_code IS NULL THEN {C("debit")} - {C("credit")} ELSE 0 END AS pool, 0 AS fact_direct, 0 AS fact_pool
                FROM fact_ecriture_comptable WHERE compte_general_code LIKE '6%'
                UNION ALL
                SELECT exercice, ministere_code, 0, 0, {C("cout_direct")}, {C("cout_deverse")} FROM fact_cout_complet
            ) x
            GROUP BY exercice, ministere_code
            HAVING SUM(direct) <> SUM(fact_direct) OR (SUM(direct) > 0 AND SUM(pool) <> SUM(fact_pool))) differences
        """);
}
