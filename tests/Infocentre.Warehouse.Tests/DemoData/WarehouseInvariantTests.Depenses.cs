namespace Infocentre.Warehouse.Tests.DemoData;

/// <summary>The dépenses extensions: marchés, payment details, operations on payments and charges à payer.</summary>
public abstract partial class WarehouseInvariantTests
{
    [Fact]
    public Task Ej_of_marche_types_belong_to_a_marche_of_their_ministere_and_titulaire() => AssertNone(
        "EJ ZM* → marché",
        """
        SELECT COUNT(*) FROM fact_engagement f LEFT JOIN dim_marche m ON m.numero = f.marche_numero
        WHERE (f.type_ej_code IN ('ZMBC', 'ZMPC', 'ZMU', 'ZMPU', 'ZMT', 'ZMPT', 'ZMX', 'ZMPX'))
            <> (f.marche_numero IS NOT NULL)
           OR (f.marche_numero IS NOT NULL AND (m.numero IS NULL OR m.ministere_code <> f.ministere_code OR m.titulaire_code <> f.tiers_code))
        """);

    [Fact]
    public Task Dp_lines_carry_the_marche_of_their_ej() => AssertNone(
        "DP marché = EJ marché",
        """
        SELECT COUNT(*) FROM fact_demande_paiement f
        WHERE f.ej_numero IS NOT NULL AND EXISTS (
            SELECT 1 FROM fact_engagement e WHERE e.ej_numero = f.ej_numero AND e.ej_poste = f.ej_poste
              AND COALESCE(e.marche_numero, '-') <> COALESCE(f.marche_numero, '-'))
        """);

    [Fact]
    public Task Paid_dp_split_the_global_delay_into_ordonnateur_and_comptable() => AssertNone(
        "délai ordonnateur + délai comptable = délai global",
        $"""
        SELECT COUNT(*) FROM fact_demande_paiement f
        WHERE f.statut = 'PAY' AND (f.delai_ordonnateur_jours + f.delai_comptable_jours <> f.delai_paiement_jours
           OR f.delai_ordonnateur_jours <> {F.DaysBetween("f.date_base", "f.date_mise_en_paiement")}
           OR f.delai_ordonnateur_jours < 0 OR f.delai_comptable_jours < 0)
        """);

    [Fact]
    public Task Interets_moratoires_only_on_payments_later_than_30_days() => AssertNone(
        "intérêts moratoires",
        $"SELECT COUNT(*) FROM fact_demande_paiement f WHERE {C("f.interets_moratoires")} <> 0 AND NOT (f.statut = 'PAY' AND f.delai_paiement_jours > 30)");

    [Fact]
    public Task Pending_dp_and_only_they_have_an_age_at_year_end() => AssertNone(
        "ancienneté au 31/12",
        $"""
        SELECT COUNT(*) FROM fact_demande_paiement f
        WHERE (f.statut = 'PAY') = (f.anciennete_jours IS NOT NULL)
           OR (f.anciennete_jours IS NOT NULL AND f.anciennete_jours <> {F.DaysBetween("f.date_base", F.IsSqlite ? "printf('%04d-12-31', f.exercice)" : "make_date(f.exercice, 12, 31)")})
        """);

    [Fact]
    public Task Only_international_transfers_are_in_a_foreign_currency() => AssertNone(
        "devise",
        $"""
        SELECT COUNT(*) FROM fact_demande_paiement f
        WHERE (f.devise_code = 'EUR' AND {C("f.montant_devise")} <> {C("f.montant")})
           OR ((f.devise_code <> 'EUR') <> (f.mode_reglement_code = 'VIRI'))
        """);

    [Fact]
    public Task Avances_recovered_never_exceed_avances_paid() => AssertNone(
        "avances récupérées ≤ versées",
        $"""
        SELECT COUNT(*) FROM (
            SELECT f.ej_numero, f.ej_poste,
                SUM(CASE WHEN f.type_operation_code = 'AVA' THEN {C("f.montant")} ELSE 0 END) AS versee,
                SUM(CASE WHEN f.type_operation_code = 'AVR' THEN {C("f.montant")} ELSE 0 END) AS recuperee
            FROM fact_operation_paiement f GROUP BY f.ej_numero, f.ej_poste) x
        WHERE x.recuperee > x.versee
        """);

    [Fact]
    public Task Charges_a_payer_come_from_a_certified_service_fait_before_year_end() => AssertNone(
        "charge à payer → service fait",
        $"""
        SELECT COUNT(*) FROM fact_charge_a_payer f
        WHERE NOT EXISTS (
            SELECT 1 FROM fact_service_fait s
            WHERE s.sf_numero = f.sf_numero AND s.ej_numero = f.ej_numero AND s.ej_poste = f.ej_poste
              AND s.code_mouvement IN ('101', '105') AND {C("s.montant")} = {C("f.montant")}
              AND {F.Year("s.date_comptable")} <= f.exercice)
        """);
}
