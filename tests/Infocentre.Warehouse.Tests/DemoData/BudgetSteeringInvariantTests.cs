namespace Infocentre.Warehouse.Tests.DemoData;

/// <summary>
/// Consistency of the budget steering facts (credit movements, programmation, emplois, CP schedule, tranches,
/// budget control acts, purchase requests) with each other and with the spending chain, in plain SQL.
/// </summary>
public abstract class BudgetSteeringInvariantTests
{
    protected abstract SeededWarehouse Warehouse { get; }

    private string C(string amount) => Warehouse.Flavor.Cents(amount);

    private async Task AssertNone(string rule, string sql)
    {
        var violations = await Warehouse.CountAsync(sql);
        Assert.True(violations == 0, $"{rule}: {violations} violation(s).\n{sql}");
    }

    /// <summary>Σ of a movement amount per budget line (exercice, UO, action, catégorie) for some movements.</summary>
    private string MovementTotals(string amount, string condition) => $"""
        SELECT m.exercice, m.centre_financier_code, m.domaine_fonctionnel_code, m.categorie_code, SUM({C("m." + amount)}) AS total
        FROM fact_mouvement_credit m JOIN dim_type_mouvement_credit t ON t.code = m.type_mouvement_code
        WHERE {condition}
        GROUP BY m.exercice, m.centre_financier_code, m.domaine_fonctionnel_code, m.categorie_code
        """;

    private string CreditsEqual(string credit, string amount, string condition) => $"""
        SELECT COUNT(*) FROM fact_credit c
        LEFT JOIN ({MovementTotals(amount, condition)}) m
          ON m.exercice = c.exercice AND m.centre_financier_code = c.centre_financier_code
         AND m.domaine_fonctionnel_code = c.domaine_fonctionnel_code AND m.categorie_code = c.categorie_code
        WHERE COALESCE(m.total, 0) <> {C("c." + credit)}
        """;

    [Theory]
    [InlineData("ae_lfi", "ae", "m.type_mouvement_code = 'LFI'")]
    [InlineData("cp_lfi", "cp", "m.type_mouvement_code = 'LFI'")]
    [InlineData("ae_ouverts", "ae", "t.nature = 'OUVERTURE'")]
    [InlineData("cp_ouverts", "cp", "t.nature = 'OUVERTURE'")]
    [InlineData("ae_mis_a_disposition", "ae", "t.nature = 'MAD'")]
    [InlineData("cp_mis_a_disposition", "cp", "t.nature = 'MAD'")]
    public Task Credit_movements_add_up_to_the_credits_of_each_budget_line(string credit, string amount, string condition) =>
        AssertNone($"movements ({condition}) = fact_credit.{credit}", CreditsEqual(credit, amount, condition));

    [Fact]
    public Task Movements_carry_a_counterpart_or_a_fonds_exactly_when_their_type_needs_one() => AssertNone(
        "VIR within the ministry, TRF to another programme, FONG on its own programme, FDC/ADP/REP fonds of the right nature",
        """
        SELECT COUNT(*) FROM fact_mouvement_credit m
        LEFT JOIN dim_programme own ON own.code = m.programme_code
        LEFT JOIN dim_programme other ON other.code = m.programme_contrepartie_code
        LEFT JOIN dim_fonds f ON f.code = m.fonds_code
        WHERE (m.type_mouvement_code = 'VIR' AND (other.code IS NULL OR other.code = own.code OR other.ministere_code <> own.ministere_code))
           OR (m.type_mouvement_code = 'TRF' AND (other.code IS NULL OR other.code = own.code))
           OR (m.type_mouvement_code = 'FONG' AND (m.programme_contrepartie_code IS NULL OR m.programme_contrepartie_code <> m.programme_code))
           OR (m.type_mouvement_code NOT IN ('VIR', 'TRF', 'FONG') AND m.programme_contrepartie_code IS NOT NULL)
           OR (m.type_mouvement_code = 'FDC' AND (f.nature IS NULL OR f.nature <> 'FDC'))
           OR (m.type_mouvement_code = 'ADP' AND (f.nature IS NULL OR f.nature <> 'ADP'))
           OR (m.type_mouvement_code NOT IN ('FDC', 'ADP', 'REP') AND m.fonds_code IS NOT NULL)
        """);

    [Fact]
    public Task Movements_are_dated_in_their_exercice_and_period() => AssertNone(
        "exercice and période of the movement date",
        $"""
        SELECT COUNT(*) FROM fact_mouvement_credit
        WHERE {Warehouse.Flavor.Year("date_mouvement")} <> exercice OR {Warehouse.Flavor.Month("date_mouvement")} <> periode
        """);

    [Fact]
    public Task Reserve_movements_freeze_with_a_negative_amount_and_release_with_a_positive_one() => AssertNone(
        "RES and SURG ≤ 0, DEG ≥ 0, dégel ≤ réserve + surgel per budget line",
        $"""
        SELECT (SELECT COUNT(*) FROM fact_mouvement_credit
                WHERE (type_mouvement_code IN ('RES', 'SURG') AND ({C("ae")} > 0 OR {C("cp")} > 0))
                   OR (type_mouvement_code = 'DEG' AND ({C("ae")} < 0 OR {C("cp")} < 0)))
             + (SELECT COUNT(*) FROM ({MovementTotals("ae", "t.nature = 'RESERVE'")}) r WHERE r.total > 0)
        """);

    [Fact]
    public Task Programmation_is_on_activites_of_its_programme() => AssertNone(
        "activité of the programme, amounts ≥ 0",
        $"""
        SELECT COUNT(*) FROM fact_programmation p JOIN dim_activite a ON a.code = p.activite_code
        WHERE a.programme_code <> p.programme_code OR {C("p.ae_programmees")} <= 0 OR {C("p.cp_programmees")} < 0
        """);

    [Fact]
    public Task Schedule_of_an_ej_is_what_was_committed_minus_what_was_paid_by_the_end_of_the_exercice() => AssertNone(
        "Σ CP prévus (exercice N) = Σ engagé hors bascule − Σ payé au 31/12/N, échéances after N",
        $"""
        SELECT COUNT(*) FROM (
            SELECT exercice, ej_numero, SUM({C("cp_prevus")}) AS planned, MIN(annee_echeance) AS first_year
            FROM fact_echeancier_cp GROUP BY exercice, ej_numero) s
        JOIN (SELECT ej_numero, SUM({C("montant_engage")}) AS engaged FROM fact_engagement
              WHERE type_montant_code <> '350' GROUP BY ej_numero) e ON e.ej_numero = s.ej_numero
        WHERE s.first_year <= s.exercice
           OR s.planned <> e.engaged - COALESCE((
                SELECT SUM({C("d.montant")}) FROM fact_demande_paiement d
                WHERE d.ej_numero = s.ej_numero AND d.statut = 'PAY' AND {Warehouse.Flavor.Year("d.date_paiement")} <= s.exercice), 0)
        """);

    [Fact]
    public Task Open_ej_without_schedule_do_not_exist() => AssertNone(
        "an EJ with a bascule into N+1 has a schedule at the end of N",
        """
        SELECT COUNT(*) FROM (SELECT DISTINCT exercice, ej_numero FROM fact_engagement WHERE type_montant_code = '350') b
        WHERE NOT EXISTS (SELECT 1 FROM fact_echeancier_cp s WHERE s.exercice = b.exercice - 1 AND s.ej_numero = b.ej_numero)
        """);

    [Fact]
    public Task Tranches_engage_no_more_than_affected_and_pay_no_more_than_engaged() => AssertNone(
        "CP payés ≤ AE engagées ≤ AE affectées",
        $"""
        SELECT COUNT(*) FROM fact_tranche_fonctionnelle
        WHERE {C("ae_engagees")} > {C("ae_affectees")} OR {C("cp_payes")} > {C("ae_engagees")} OR {C("ae_engagees")} <= 0
        """);

    [Fact]
    public Task Visa_follows_transmission_and_only_pending_acts_have_no_visa_date() => AssertNone(
        "date_visa ≥ date_transmission; ATTENTE ⇔ no visa date; EJ acts reference an EJ",
        """
        SELECT COUNT(*) FROM fact_acte_controle_budgetaire a
        WHERE (a.date_visa IS NOT NULL AND a.date_visa < a.date_transmission)
           OR ((a.statut_visa = 'ATTENTE') <> (a.date_visa IS NULL))
           OR (a.type_acte = 'EJ' AND NOT EXISTS (SELECT 1 FROM fact_engagement e WHERE e.ej_numero = a.ej_numero))
        """);

    [Fact]
    public Task Processed_purchase_requests_are_replicated_into_their_ej_on_its_creation_date() => AssertNone(
        "DA → EJ created on the replication date; processed ≤ amount; status matches",
        $"""
        SELECT COUNT(*) FROM fact_demande_achat d
        WHERE (d.ej_numero IS NOT NULL AND NOT EXISTS (
                  SELECT 1 FROM fact_engagement e WHERE e.ej_numero = d.ej_numero AND e.date_creation_ej = d.date_replication))
           OR {C("d.montant_postes_traites")} > {C("d.montant")} OR d.date_creation > COALESCE(d.date_replication, d.date_creation)
           OR (d.statut = 'Traitée' AND (d.ej_numero IS NULL OR {C("d.montant_postes_traites")} <> {C("d.montant")}))
           OR (d.statut = 'En attente' AND (d.date_replication IS NOT NULL OR {C("d.montant_postes_traites")} <> 0))
        """);

    [Fact]
    public Task Payroll_pensions_are_part_of_contributions_and_etpt_stay_under_headcount() => AssertNone(
        "CAS pensions ≤ cotisations; ETPT of the month = headcount / 12",
        $"""
        SELECT COUNT(*) FROM fact_emploi
        WHERE {C("cas_pensions")} > {C("cotisations")} OR {C("remunerations")} <= 0
           OR ABS({C("etpt_consommes")} * 12 - {C("effectif_fin_mois")}) > 6
        """);

    [Fact]
    public async Task Every_steering_fact_has_rows_in_the_latest_exercice()
    {
        foreach (var table in new[]
        {
            "fact_mouvement_credit", "fact_programmation", "fact_emploi", "fact_echeancier_cp", "fact_tranche_fonctionnelle",
            "fact_acte_controle_budgetaire", "fact_demande_achat",
        })
        {
            var rows = await Warehouse.CountAsync($"SELECT COUNT(*) FROM {table} WHERE exercice = (SELECT MAX(exercice) FROM fact_credit)");
            Assert.True(rows > 0, table + " has no row in the latest exercice");
        }
    }
}

/// <summary>The budget steering invariants on the tiny data set.</summary>
public sealed class TinySqliteBudgetSteeringInvariantTests(TinySqliteWarehouse warehouse)
    : BudgetSteeringInvariantTests, IClassFixture<TinySqliteWarehouse>
{
    protected override SeededWarehouse Warehouse => warehouse;

    [Fact]
    public async Task Tiny_has_every_kind_of_credit_movement_in_the_latest_exercice()
    {
        var types = await warehouse.RowsAsync(
            "SELECT DISTINCT type_mouvement_code FROM fact_mouvement_credit WHERE exercice = (SELECT MAX(exercice) FROM fact_credit)");
        var found = types.Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        foreach (var type in new[] { "LFI", "REP", "FDC", "ADP", "VIR", "TRF", "DA", "FONG", "RES", "MAD" })
        {
            Assert.Contains(type, found);
        }
    }
}
