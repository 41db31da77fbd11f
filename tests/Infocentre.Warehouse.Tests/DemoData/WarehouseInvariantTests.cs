using Infocentre.Warehouse.Identifiers;
using Infocentre.Warehouse.Loads;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Warehouse.Tests.DemoData;

/// <summary>
/// The consistency rules of a seeded warehouse, each checked with plain SQL written here (never with the
/// generator's code). Every query returns the number of violations. Derived classes run them on a given
/// seeded warehouse (tiny or demo, SQLite or PostgreSQL).
/// </summary>
public abstract partial class WarehouseInvariantTests
{
    protected abstract SeededWarehouse Warehouse { get; }

    private SqlFlavor F => Warehouse.Flavor;

    private string C(string amount) => F.Cents(amount);

    private static readonly string[] ImputedFacts = ["fact_engagement", "fact_service_fait", "fact_demande_paiement"];

    private static readonly (string Table, string Date)[] DatedFacts =
    [
        ("fact_engagement", "date_comptable"),
        ("fact_service_fait", "date_comptable"),
        ("fact_demande_paiement", "date_derniere_operation"),
        ("fact_ecriture_comptable", "date_comptable"),
        ("fact_titre_perception", "date_emission"),
        ("fact_encaissement", "date_encaissement"),
        ("fact_encaissement_non_rapproche", "date_encaissement"),
    ];

    internal static readonly (string Table, string[] Amounts)[] AmountColumns =
    [
        ("fact_credit", ["ae_lfi", "cp_lfi", "ae_ouverts", "cp_ouverts", "ae_mis_a_disposition", "cp_mis_a_disposition"]),
        ("fact_engagement", ["montant_engage", "montant_bascule"]),
        ("fact_service_fait", ["montant"]),
        ("fact_demande_paiement", ["montant"]),
        ("fact_ecriture_comptable", ["debit", "credit"]),
        ("fact_titre_perception", ["montant_emis", "montant_annule"]),
        ("fact_encaissement", ["montant"]),
        ("fact_engagement_hors_bilan", ["montant_ouverture", "montant_nouveaux", "montant_eteints", "montant_cloture"]),
        ("fact_cout_complet", ["cout_direct", "cout_deverse"]),
        ("fact_titre_perception", ["montant_net", "montant_encaisse", "montant_encaisse_exercice", "montant_reste_a_recouvrer", "echeancier_montant", "contrat_montant"]),
        ("fact_encaissement_non_rapproche", ["montant"]),
        ("fact_prevision_recette", ["montant_prevision_lfi"]),
        ("fact_produit_a_recevoir", ["montant"]),
    ];

    protected async Task AssertNone(string rule, string sql)
    {
        var violations = await Warehouse.CountAsync(sql);
        Assert.True(violations == 0, $"{rule}: {violations} violation(s).\n{sql}");
    }

    [Fact]
    public async Task Every_fact_table_has_rows()
    {
        foreach (var (table, _) in AmountColumns)
        {
            Assert.True(await Warehouse.CountAsync($"SELECT COUNT(*) FROM {table}") > 0, table + " is empty");
        }
    }

    [Fact]
    public Task Dp_lines_with_an_ej_reference_an_existing_ej_line_of_the_same_type() => AssertNone(
        "DP line → EJ line",
        """
        SELECT COUNT(*) FROM fact_demande_paiement d
        WHERE (d.ej_numero IS NOT NULL AND NOT EXISTS (
                  SELECT 1 FROM fact_engagement e
                  WHERE e.ej_numero = d.ej_numero AND e.ej_poste = d.ej_poste AND e.type_ej_code = d.type_ej_code))
           OR (d.ej_numero IS NULL AND (d.ej_poste IS NOT NULL OR d.type_ej_code IS NOT NULL))
        """);

    [Fact]
    public Task Service_fait_lines_reference_an_existing_ej_line() => AssertNone(
        "SF line → EJ line",
        """
        SELECT COUNT(*) FROM fact_service_fait s
        WHERE NOT EXISTS (SELECT 1 FROM fact_engagement e
                          WHERE e.ej_numero = s.ej_numero AND e.ej_poste = s.ej_poste AND e.tiers_code = s.tiers_code)
        """);

    [Fact]
    public Task Paid_and_certified_never_exceed_engaged_per_ej_line() => AssertNone(
        "Σ PAY ≤ Σ (engagé − bascule) and Σ SF ≤ engagé per EJ line",
        $"""
        SELECT COUNT(*) FROM (
            SELECT ej_numero, ej_poste, SUM({C("montant_engage")} - {C("montant_bascule")}) AS engaged
            FROM fact_engagement GROUP BY ej_numero, ej_poste) e
        LEFT JOIN (
            SELECT ej_numero, ej_poste, SUM({C("montant")}) AS paid
            FROM fact_demande_paiement WHERE statut = 'PAY' AND ej_numero IS NOT NULL GROUP BY ej_numero, ej_poste) p
          ON p.ej_numero = e.ej_numero AND p.ej_poste = e.ej_poste
        LEFT JOIN (
            SELECT ej_numero, ej_poste, SUM({C("montant")}) AS certified
            FROM fact_service_fait GROUP BY ej_numero, ej_poste) s
          ON s.ej_numero = e.ej_numero AND s.ej_poste = e.ej_poste
        WHERE COALESCE(p.paid, 0) > e.engaged OR COALESCE(s.certified, 0) > e.engaged OR e.engaged < 0
        """);

    [Fact]
    public Task Every_ledger_piece_balances_and_lines_are_one_sided() => AssertNone(
        "Σ débit = Σ crédit per pièce; a line is a débit or a crédit",
        $"""
        SELECT (SELECT COUNT(*) FROM (
                    SELECT exercice, societe_code, piece_numero FROM fact_ecriture_comptable
                    GROUP BY exercice, societe_code, piece_numero
                    HAVING SUM({C("debit")}) <> SUM({C("credit")})) unbalanced)
             + (SELECT COUNT(*) FROM fact_ecriture_comptable
                WHERE {C("debit")} < 0 OR {C("credit")} < 0
                   OR ({C("debit")} = 0 AND {C("credit")} = 0) OR ({C("debit")} <> 0 AND {C("credit")} <> 0))
        """);

    [Fact]
    public Task Collected_never_exceeds_issued_minus_cancelled_per_titre() => AssertNone(
        "Σ encaissé ≤ émis − annulé per titre",
        $"""
        SELECT COUNT(*) FROM fact_titre_perception t
        LEFT JOIN (SELECT titre_numero, SUM({C("montant")}) AS collected FROM fact_encaissement GROUP BY titre_numero) r
          ON r.titre_numero = t.titre_numero
        WHERE COALESCE(r.collected, 0) > {C("t.montant_emis")} - {C("t.montant_annule")}
           OR {C("t.montant_annule")} < 0 OR {C("t.montant_annule")} > {C("t.montant_emis")} OR {C("t.montant_emis")} <= 0
        """);

    [Fact]
    public Task Receipts_carry_the_imputation_of_their_titre() => AssertNone(
        "encaissement ↔ titre",
        """
        SELECT COUNT(*) FROM fact_encaissement r JOIN fact_titre_perception t ON t.titre_numero = r.titre_numero
        WHERE r.societe_code <> t.societe_code OR r.programme_code <> t.programme_code OR r.client_code <> t.client_code
           OR r.centre_financier_code <> t.centre_financier_code OR r.date_encaissement < t.date_emission
        """);

    [Fact]
    public Task Identifiers_have_their_chorus_formats() => AssertNone(
        "EJ 10 digits, DP 9 digits, SF 10 digits",
        $"""
        SELECT (SELECT COUNT(*) FROM fact_engagement WHERE NOT {F.IsDigits("ej_numero", 10)})
             + (SELECT COUNT(*) FROM fact_service_fait WHERE NOT {F.IsDigits("ej_numero", 10)} OR NOT {F.IsDigits("sf_numero", 10)})
             + (SELECT COUNT(*) FROM fact_demande_paiement
                WHERE NOT {F.IsDigits("dp_numero", 9)} OR (ej_numero IS NOT NULL AND NOT {F.IsDigits("ej_numero", 10)}))
             + (SELECT COUNT(*) FROM dim_tiers WHERE NOT {F.IsDigits("code", 10)})
             + (SELECT COUNT(*) FROM dim_activite WHERE NOT {F.IsDigits("code", 12)} OR substr(code, 1, 4) <> programme_code)
             + (SELECT COUNT(*) FROM dim_compte_general WHERE NOT {F.IsDigits("code", 10)} OR substr(code, 1, 1) <> classe)
             + (SELECT COUNT(*) FROM dim_centre_financier
                WHERE length(code) <> 14 OR substr(code, 1, 4) <> programme_code OR substr(code, 1, 9) <> bop_code)
             + (SELECT COUNT(*) FROM dim_centre_couts WHERE length(code) <> 10 OR substr(code, 8, 3) <> departement)
        """);

    [Fact]
    public async Task Dp_numbers_keep_their_leading_zeros()
    {
        Assert.True(await Warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement WHERE dp_numero LIKE '0%'") > 0);
    }

    [Fact]
    public Task Natural_keys_are_unique() => AssertNone(
        "DP (exercice, société, DP, poste), ledger (exercice, société, pièce, ligne), SF (SF, EJ, poste), titre",
        """
        SELECT (SELECT COUNT(*) FROM (SELECT 1 AS x FROM fact_demande_paiement
                    GROUP BY exercice, societe_code, dp_numero, dp_poste HAVING COUNT(*) > 1) d)
             + (SELECT COUNT(*) FROM (SELECT 1 AS x FROM fact_ecriture_comptable
                    GROUP BY exercice, societe_code, piece_numero, ligne HAVING COUNT(*) > 1) l)
             + (SELECT COUNT(*) FROM (SELECT 1 AS x FROM fact_service_fait
                    GROUP BY sf_numero, ej_numero, ej_poste HAVING COUNT(*) > 1) s)
             + (SELECT COUNT(*) FROM (SELECT 1 AS x FROM fact_titre_perception GROUP BY titre_numero HAVING COUNT(*) > 1) t)
        """);

    [Fact]
    public Task Payment_status_dates_and_delay_agree() => AssertNone(
        "statut PAY ⇔ date de paiement; délai = paiement − date de base",
        $"""
        SELECT COUNT(*) FROM fact_demande_paiement
        WHERE statut NOT IN ('PRE', 'FAC', 'PAY')
           OR (statut = 'PAY' AND (date_paiement IS NULL OR delai_paiement_jours IS NULL
                                   OR delai_paiement_jours <> {F.DaysBetween("date_base", "date_paiement")}
                                   OR date_derniere_operation <> date_paiement))
           OR (statut <> 'PAY' AND (date_paiement IS NOT NULL OR delai_paiement_jours IS NOT NULL))
           OR date_derniere_operation < date_base
           OR {C("montant")} <= 0
        """);

    [Fact]
    public Task Service_fait_movements_have_the_right_sign() => AssertNone(
        "101/105 certify (> 0), 102/106 cancel (< 0, never soldé)",
        $"""
        SELECT COUNT(*) FROM fact_service_fait
        WHERE code_mouvement NOT IN ('101', '102', '105', '106')
           OR (code_mouvement IN ('101', '105') AND {C("montant")} <= 0)
           OR (code_mouvement IN ('102', '106') AND ({C("montant")} >= 0 OR est_solde = {F.True}))
        """);

    [Fact]
    public Task Est_solde_matches_the_invoiced_and_paid_dp_of_the_ej_line() => AssertNone(
        "per EJ line, Σ SF soldé = Σ DP FAC/PAY",
        $"""
        WITH sf AS (
            SELECT ej_numero, ej_poste, SUM(CASE WHEN est_solde = {F.True} THEN {C("montant")} ELSE 0 END) AS settled
            FROM fact_service_fait GROUP BY ej_numero, ej_poste),
        dp AS (
            SELECT ej_numero, ej_poste, SUM({C("montant")}) AS invoiced
            FROM fact_demande_paiement WHERE statut IN ('FAC', 'PAY') AND ej_numero IS NOT NULL
            GROUP BY ej_numero, ej_poste)
        SELECT (SELECT COUNT(*) FROM sf LEFT JOIN dp ON dp.ej_numero = sf.ej_numero AND dp.ej_poste = sf.ej_poste
                WHERE sf.settled <> COALESCE(dp.invoiced, 0))
             + (SELECT COUNT(*) FROM dp LEFT JOIN sf ON sf.ej_numero = dp.ej_numero AND sf.ej_poste = dp.ej_poste
                WHERE sf.ej_numero IS NULL)
        """);

    [Fact]
    public async Task Ministere_and_programme_agree_with_centre_financier_domaine_and_activite()
    {
        foreach (var table in ImputedFacts)
        {
            await AssertNone(table + " imputation", $"""
                SELECT COUNT(*) FROM {table} f
                JOIN dim_programme p ON p.code = f.programme_code
                JOIN dim_centre_financier cf ON cf.code = f.centre_financier_code
                JOIN dim_bop b ON b.code = cf.bop_code
                JOIN dim_domaine_fonctionnel df ON df.code = f.domaine_fonctionnel_code
                JOIN dim_activite a ON a.code = f.activite_code
                WHERE p.ministere_code <> f.ministere_code OR cf.programme_code <> f.programme_code
                   OR b.programme_code <> f.programme_code OR df.programme_code <> f.programme_code
                   OR a.programme_code <> f.programme_code OR a.sens <> 'D'
                """);
        }

        await AssertNone("credit imputation", """
            SELECT COUNT(*) FROM fact_credit f
            JOIN dim_programme p ON p.code = f.programme_code
            JOIN dim_centre_financier cf ON cf.code = f.centre_financier_code
            JOIN dim_domaine_fonctionnel df ON df.code = f.domaine_fonctionnel_code
            WHERE p.ministere_code <> f.ministere_code OR cf.programme_code <> f.programme_code
               OR df.programme_code <> f.programme_code OR df.code <> df.action_code
            """);
        foreach (var table in new[] { "fact_titre_perception", "fact_encaissement" })
        {
            await AssertNone(table + " imputation", $"""
                SELECT COUNT(*) FROM {table} f
                JOIN dim_programme p ON p.code = f.programme_code
                JOIN dim_centre_financier cf ON cf.code = f.centre_financier_code
                WHERE p.ministere_code <> f.ministere_code OR cf.programme_code <> f.programme_code
                """);
        }

        await AssertNone("ledger imputation", """
            SELECT COUNT(*) FROM fact_ecriture_comptable f LEFT JOIN dim_programme p ON p.code = f.programme_code
            WHERE f.programme_code IS NOT NULL AND (p.code IS NULL OR p.ministere_code <> f.ministere_code)
            """);
    }

    [Fact]
    public async Task Societe_and_centre_de_couts_agree_with_the_centre_financier()
    {
        foreach (var table in new[] { "fact_engagement", "fact_demande_paiement" })
        {
            await AssertNone(table + " société / centre de coûts", $"""
                SELECT COUNT(*) FROM {table} f
                JOIN dim_centre_financier cf ON cf.code = f.centre_financier_code
                JOIN dim_societe s ON s.code = f.societe_code
                JOIN dim_centre_couts cc ON cc.code = f.centre_couts_code
                WHERE s.region <> cf.region OR cc.ministere_code <> f.ministere_code
                """);
        }
    }

    [Fact]
    public async Task Exercice_and_periode_are_those_of_the_date()
    {
        foreach (var (table, date) in DatedFacts)
        {
            await AssertNone($"{table}.{date}", $"""
                SELECT COUNT(*) FROM {table} f
                WHERE f.exercice <> {F.Year("f." + date)} OR f.periode <> {F.Month("f." + date)}
                   OR NOT EXISTS (SELECT 1 FROM dim_calendrier c WHERE c.date = f.{date})
                """);
        }

        await AssertNone("credits within the exercices", """
            SELECT COUNT(*) FROM fact_credit f WHERE NOT EXISTS (SELECT 1 FROM dim_calendrier c WHERE c.exercice = f.exercice)
            """);
    }

    [Fact]
    public Task Bascule_rows_carry_the_unpaid_remainder_into_the_next_exercice() => AssertNone(
        "bascule (type 350) in N+1 = Σ (engagé − bascule) up to N − Σ payé up to N, when positive",
        $"""
        WITH years AS (SELECT DISTINCT exercice FROM fact_engagement),
        bounds AS (SELECT MAX(exercice) AS max_year FROM fact_engagement),
        ej_lines AS (SELECT ej_numero, ej_poste, MIN(exercice) AS first_year FROM fact_engagement GROUP BY ej_numero, ej_poste),
        expected AS (
            SELECT l.ej_numero, l.ej_poste, y.exercice + 1 AS into_year,
                   (SELECT SUM({C("e.montant_engage")} - {C("e.montant_bascule")}) FROM fact_engagement e
                    WHERE e.ej_numero = l.ej_numero AND e.ej_poste = l.ej_poste AND e.exercice <= y.exercice)
                 - COALESCE((SELECT SUM({C("d.montant")}) FROM fact_demande_paiement d
                    WHERE d.ej_numero = l.ej_numero AND d.ej_poste = l.ej_poste AND d.statut = 'PAY'
                      AND d.exercice <= y.exercice), 0) AS remaining
            FROM ej_lines l JOIN years y ON y.exercice >= l.first_year
            WHERE y.exercice < (SELECT max_year FROM bounds)),
        actual AS (
            SELECT ej_numero, ej_poste, exercice, SUM({C("montant_bascule")}) AS carried, COUNT(*) AS n
            FROM fact_engagement WHERE type_montant_code = '350' GROUP BY ej_numero, ej_poste, exercice)
        SELECT (SELECT COUNT(*) FROM expected x
                LEFT JOIN actual a ON a.ej_numero = x.ej_numero AND a.ej_poste = x.ej_poste AND a.exercice = x.into_year
                WHERE (x.remaining > 0 AND (a.carried IS NULL OR a.carried <> x.remaining OR a.n <> 1))
                   OR (x.remaining <= 0 AND a.carried IS NOT NULL))
             + (SELECT COUNT(*) FROM actual a WHERE NOT EXISTS (
                    SELECT 1 FROM expected x
                    WHERE x.ej_numero = a.ej_numero AND x.ej_poste = a.ej_poste AND x.into_year = a.exercice))
        """);

    [Fact]
    public Task Bascule_rows_are_well_formed() => AssertNone(
        "type 350 ⇔ bascule ≠ 0; engagé = bascule; dated 1 January",
        $"""
        SELECT COUNT(*) FROM fact_engagement
        WHERE (type_montant_code = '350' AND ({C("montant_bascule")} <= 0 OR {C("montant_engage")} <> {C("montant_bascule")}
                                              OR {F.MonthDay("date_comptable")} <> '01-01' OR periode <> 1
                                              OR exercice <= {F.Year("date_creation_ej")}))
           OR (type_montant_code <> '350' AND ({C("montant_bascule")} <> 0 OR exercice <> {F.Year("date_creation_ej")}))
        """);

    [Fact]
    public async Task Credits_cover_consumption_at_60_to_95_percent_of_ae_made_available()
    {
        var engaged = $"""
            SELECT f.exercice, f.centre_financier_code AS cf, df.action_code AS action_code, cb.categorie_code AS categorie,
                   SUM({C("f.montant_engage")} - {C("f.montant_bascule")}) AS engaged
            FROM fact_engagement f
            JOIN dim_domaine_fonctionnel df ON df.code = f.domaine_fonctionnel_code
            JOIN dim_compte_budgetaire cb ON cb.code = f.compte_budgetaire_code
            WHERE f.type_montant_code <> '350'
            GROUP BY f.exercice, f.centre_financier_code, df.action_code, cb.categorie_code
            """;
        await AssertNone("engaged / AE MAD in [0.59, 0.96] for every credit line", $"""
            WITH eng AS ({engaged})
            SELECT COUNT(*) FROM fact_credit c
            LEFT JOIN eng e ON e.exercice = c.exercice AND e.cf = c.centre_financier_code
                           AND e.action_code = c.domaine_fonctionnel_code AND e.categorie = c.categorie_code
            WHERE e.engaged IS NULL OR e.engaged * 100 < {C("c.ae_mis_a_disposition")} * 59
               OR e.engaged * 100 > {C("c.ae_mis_a_disposition")} * 96
               OR {C("c.ae_mis_a_disposition")} > {C("c.ae_ouverts")} OR {C("c.cp_mis_a_disposition")} > {C("c.cp_ouverts")}
            """);
        await AssertNone("no consumption without a credit line", $"""
            WITH eng AS ({engaged})
            SELECT COUNT(*) FROM eng e WHERE NOT EXISTS (
                SELECT 1 FROM fact_credit c WHERE e.exercice = c.exercice AND e.cf = c.centre_financier_code
                  AND e.action_code = c.domaine_fonctionnel_code AND e.categorie = c.categorie_code)
            """);
    }

    [Fact]
    public async Task Amounts_have_two_decimals()
    {
        foreach (var (table, amounts) in AmountColumns)
        {
            foreach (var amount in amounts)
            {
                var rule = F.IsSqlite
                    ? $"typeof({amount}) <> 'text' OR {amount} LIKE '%.___%'"
                    : $"{amount} <> ROUND({amount}, 2)";
                await AssertNone($"{table}.{amount}", $"SELECT COUNT(*) FROM {table} WHERE {rule}");
            }
        }
    }

    [Fact]
    public async Task No_foreign_key_is_orphaned()
    {
        if (F.IsSqlite)
        {
            var violations = await Warehouse.RowsAsync("PRAGMA foreign_key_check");
            Assert.Empty(violations);
            Assert.True(await Warehouse.CountAsync("SELECT COUNT(*) FROM pragma_foreign_key_list('fact_demande_paiement')") >= 10,
                "the fact tables declare their foreign keys");
        }

        if (!F.IsSqlite || await Warehouse.CountAsync("SELECT COUNT(*) FROM fact_ecriture_comptable") < 100_000)
        {
            // Independently of the engine's own check: every foreign key of the model, as a NOT EXISTS query.
            await using var db = Warehouse.CreateContext();
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.GetViewName() is null))
            {
                foreach (var fk in entity.GetForeignKeys())
                {
                    var child = entity.GetTableName()!;
                    var parent = fk.PrincipalEntityType.GetTableName()!;
                    var columns = fk.Properties.Select(p => p.GetColumnName()).ToArray();
                    var keys = fk.PrincipalKey.Properties.Select(p => p.GetColumnName()).ToArray();
                    var join = string.Join(" AND ", columns.Select((c, i) => $"p.{keys[i]} = c.{c}"));
                    var notNull = string.Join(" AND ", columns.Select(c => $"c.{c} IS NOT NULL"));
                    await AssertNone($"{child} → {parent}", $"""
                        SELECT COUNT(*) FROM {child} c WHERE {notNull} AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE {join})
                        """);
                }
            }
        }
    }

    [Fact]
    public async Task Subsidy_payments_to_associations_fill_the_subsidy_view()
    {
        var paid = await Warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement WHERE statut = 'PAY'");
        var view = await Warehouse.CountAsync("SELECT COUNT(*) FROM v_versement_subvention");
        var associations = await Warehouse.CountAsync(
            "SELECT COUNT(*) FROM v_versement_subvention WHERE type_ej_code = 'ZSUB' AND branche_code = 'Z039'");
        Assert.True(view * 5 >= paid, $"{view} rows in v_versement_subvention for {paid} paid DP lines");
        Assert.True(associations * 10 >= paid, $"{associations} ZSUB payments to associations for {paid} paid DP lines");
        await AssertNone("association payments carry SIRET and RNA", """
            SELECT COUNT(*) FROM v_versement_subvention
            WHERE branche_code = 'Z039' AND tiers_identifiant_type = 'SIRET' AND (tiers_siret IS NULL OR tiers_rna IS NULL OR tiers_siren IS NULL)
            """);
        await AssertNone("only accepted branches", """
            SELECT COUNT(*) FROM v_versement_subvention WHERE branche_code NOT IN ('Z004', 'Z007', 'Z039', 'Z040', 'Z041', 'Z044')
            """);
    }

    [Fact]
    public async Task Tiers_and_clients_have_valid_siret_and_rna()
    {
        var tiers = await Warehouse.RowsAsync("SELECT code, siret, siren, rna, branche_code, identifiant_type FROM dim_tiers");
        Assert.NotEmpty(tiers);
        foreach (var row in tiers)
        {
            var (code, siret, siren, rna, branche) = ((string)row[0]!, row[1] as string, row[2] as string, row[3] as string, (string)row[4]!);
            if (branche == "Z039" && (string)row[5]! != "SIRET")
            {
                continue; // Overseas (RIDET, TAHITI) or unidentified (#) associations: SubsidyInvariantTests.
            }

            if (siret is not null)
            {
                Assert.True(Luhn.IsValid(siret) && Luhn.IsValid(siret.AsSpan(0, 9)), $"tiers {code}: SIRET {siret} fails Luhn");
                Assert.True(Siret.TryParse(siret, out _), $"tiers {code}: SIRET {siret}");
                Assert.Equal(siret[..9], siren);
            }
            else
            {
                Assert.Null(siren);
                Assert.Contains(branche, new[] { "Z001", "Z010", "Z030" });
            }

            if (branche == "Z039")
            {
                Assert.NotNull(siret);
                Assert.NotNull(rna);
                Assert.Matches("^W[0-9][A-Z0-9][0-9]{7}$", rna);
                Assert.True(Rna.TryParse(rna, out _), $"tiers {code}: RNA {rna}");
            }
            else
            {
                Assert.Null(rna);
            }
        }

        foreach (var row in await Warehouse.RowsAsync("SELECT siret FROM dim_client WHERE siret IS NOT NULL"))
        {
            Assert.True(Siret.TryParse((string)row[0]!, out _), $"client SIRET {row[0]}");
        }
    }

    [Fact]
    public async Task One_succeeded_demo_seed_load_record_per_domain()
    {
        var rows = await Warehouse.RowsAsync(
            "SELECT domain, kind, status, rows_loaded, started_at, finished_at FROM load_record ORDER BY domain");
        Assert.Equal(WarehouseDomains.All.Order(StringComparer.Ordinal), rows.Select(r => (string)r[0]!));
        Assert.All(rows, r =>
        {
            Assert.Equal("demo-seed", r[1]);
            Assert.Equal(LoadStatus.Succeeded, r[2]);
            Assert.True(Convert.ToInt64(r[3], System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.NotNull(r[5]);
        });
    }
}

/// <summary>Row count and Σ of every amount column (in cents) per fact table, for cross-engine comparisons.</summary>
public static class FactFingerprint
{
    public static async Task<SortedDictionary<string, long>> ComputeAsync(SeededWarehouse warehouse)
    {
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (table, amounts) in WarehouseInvariantTests.AmountColumns)
        {
            result[table + ".count"] = await warehouse.CountAsync($"SELECT COUNT(*) FROM {table}");
            foreach (var amount in amounts)
            {
                result[$"{table}.{amount}"] = await warehouse.CountAsync(
                    $"SELECT COALESCE(SUM({warehouse.Flavor.Cents(amount)}), 0) FROM {table}");
            }
        }

        return result;
    }
}
