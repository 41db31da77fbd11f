using Infocentre.Warehouse.Identifiers;

namespace Infocentre.Warehouse.Tests.DemoData;

/// <summary>
/// The consistency rules of the subsidies domain (applications, échéanciers, FEHBE payments, beneficiary
/// identifiers) in plain SQL, each query counting violations; run on tiny (SQLite, PostgreSQL) and demo.
/// </summary>
public abstract class SubsidyInvariantTests
{
    protected abstract SeededWarehouse Warehouse { get; }

    private string C(string amount) => Warehouse.Flavor.Cents(amount);

    private string True => Warehouse.Flavor.True;

    private async Task AssertNone(string rule, string sql)
    {
        var violations = await Warehouse.CountAsync(sql);
        Assert.True(violations == 0, $"{rule}: {violations} violation(s).\n{sql}");
    }

    [Fact]
    public async Task Every_subsidy_table_has_rows()
    {
        foreach (var table in new[] { "fact_demande_subvention", "fact_echeance_subvention", "fact_versement_fonds_europeens" })
        {
            Assert.True(await Warehouse.CountAsync($"SELECT COUNT(*) FROM {table}") > 0, table + " is empty");
        }
    }

    [Fact]
    public Task Every_zsub_ej_paid_to_an_accepted_branch_has_exactly_one_granted_application() => AssertNone("ZSUB EJ → application", $"""
        SELECT COUNT(*) FROM (
            SELECT DISTINCT f.ej_numero FROM fact_demande_paiement f
            JOIN dim_tiers t ON t.code = f.tiers_code
            JOIN dim_branche_tiers br ON br.code = t.branche_code
            WHERE f.type_ej_code = 'ZSUB' AND br.est_subventionnable = {True}) x
        WHERE (SELECT COUNT(*) FROM fact_demande_subvention d WHERE d.ej_numero = x.ej_numero AND d.statut = 'Accordé') <> 1
        """);

    [Fact]
    public Task Granted_applications_are_the_original_and_modified_amounts_of_their_zsub_ej() => AssertNone("accordé = EJ", $"""
        SELECT COUNT(*) FROM fact_demande_subvention d
        WHERE d.statut = 'Accordé' AND (d.ej_numero IS NULL
           OR NOT EXISTS (SELECT 1 FROM fact_engagement e WHERE e.ej_numero = d.ej_numero AND e.type_ej_code = 'ZSUB'
                          AND e.tiers_code = d.tiers_code AND e.ministere_code = d.ministere_code AND e.programme_code = d.programme_code)
           OR {C("d.montant_accorde")} <> (SELECT SUM({C("e.montant_engage")}) FROM fact_engagement e
                                           WHERE e.ej_numero = d.ej_numero AND e.type_montant_code IN ('100', '150')))
        """);

    [Fact]
    public Task Other_applications_have_neither_ej_nor_amount_granted() => AssertNone("non accordé", $"""
        SELECT COUNT(*) FROM fact_demande_subvention d
        WHERE d.statut NOT IN ('Accordé', 'Refusé', 'Inéligible', 'En instruction')
           OR (d.statut <> 'Accordé' AND (d.ej_numero IS NOT NULL OR {C("d.montant_accorde")} <> 0 OR d.date_convention IS NOT NULL))
           OR (d.statut = 'En instruction' AND d.date_decision IS NOT NULL)
           OR {C("d.montant_demande")} < {C("d.montant_accorde")}
           OR d.date_depot > d.date_decision
        """);

    [Fact]
    public Task Echeanciers_sum_to_the_amount_granted_over_the_years_of_the_grant() => AssertNone("échéancier", $"""
        SELECT COUNT(*) FROM fact_demande_subvention d
        WHERE d.statut = 'Accordé' AND (
              {C("d.montant_accorde")} <> (SELECT SUM({C("e.montant_prevu")}) FROM fact_echeance_subvention e WHERE e.ej_numero = d.ej_numero)
           OR d.annee_debut <> (SELECT MIN(e.exercice) FROM fact_echeance_subvention e WHERE e.ej_numero = d.ej_numero)
           OR d.annee_fin <> (SELECT MAX(e.exercice) FROM fact_echeance_subvention e WHERE e.ej_numero = d.ej_numero)
           OR EXISTS (SELECT 1 FROM fact_echeance_subvention e WHERE e.ej_numero = d.ej_numero
                      AND (e.tiers_code <> d.tiers_code OR e.ministere_code <> d.ministere_code OR e.programme_code <> d.programme_code)))
        """);

    [Fact]
    public Task Convention_is_mandatory_exactly_above_23000_euros_a_year() => AssertNone("seuil de convention", $"""
        SELECT COUNT(*) FROM fact_demande_subvention d
        WHERE (d.convention_obligatoire = {True}) <> ({C("d.montant_accorde_annuel")} > 2300000)
           OR (d.statut = 'Accordé' AND ABS({C("d.montant_accorde_annuel")} * (d.annee_fin - d.annee_debut + 1) - {C("d.montant_accorde")})
               > d.annee_fin - d.annee_debut + 1)
        """);

    [Fact]
    public async Task Subsidy_views_neither_lose_nor_duplicate_payment_lines()
    {
        await AssertNone("v_versement_subvention = paid DP lines to accepted branches", $"""
            SELECT ABS((SELECT COUNT(*) FROM v_versement_subvention) - (SELECT COUNT(*) FROM fact_demande_paiement f
                JOIN dim_tiers t ON t.code = f.tiers_code JOIN dim_branche_tiers br ON br.code = t.branche_code
                WHERE f.statut = 'PAY' AND br.est_subventionnable = {True}))
            """);
        await AssertNone("v_suivi_subvention = applications + échéances + ZSUB lines of v_versement_subvention", """
            SELECT ABS((SELECT COUNT(*) FROM v_suivi_subvention)
                - (SELECT COUNT(*) FROM fact_demande_subvention) - (SELECT COUNT(*) FROM fact_echeance_subvention)
                - (SELECT COUNT(*) FROM v_versement_subvention WHERE type_ej_code = 'ZSUB'))
            """);
        await AssertNone("FEHBE view", "SELECT ABS((SELECT COUNT(*) FROM v_versement_fonds_europeens) - (SELECT COUNT(*) FROM fact_versement_fonds_europeens))");
    }

    [Fact]
    public Task European_fund_payments_follow_the_fehbe_extract() => AssertNone("FEHBE", $"""
        SELECT COUNT(*) FROM fact_versement_fonds_europeens f
        LEFT JOIN dim_tiers t ON t.code = f.tiers_code
        WHERE f.programme_code IS NOT NULL
           OR NOT ((f.fonds = 'FSE+' AND f.domaine_fonctionnel_code = 'FSE00-14') OR (f.fonds = 'FEDER' AND f.domaine_fonctionnel_code = 'FED00-14'))
           OR NOT {Warehouse.Flavor.IsDigits("f.ej_numero", 10)} OR NOT {Warehouse.Flavor.IsDigits("f.dp_numero", 9)}
           OR {C("f.montant_paye")} <= 0 OR t.siret IS NULL OR t.branche_code NOT IN ('Z039', 'Z041', 'Z044')
           OR f.exercice <> {Warehouse.Flavor.Year("f.date_derniere_operation")} OR f.periode <> {Warehouse.Flavor.Month("f.date_derniere_operation")}
        """);

    [Fact]
    public async Task Beneficiary_identifiers_follow_the_chorus_extract()
    {
        var rows = await Warehouse.RowsAsync(
            "SELECT code, siret, nic, identifiant_type, ridet_tahiti, rna, departement, qpv_code, qpv_libelle, branche_code FROM dim_tiers");
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var (code, siret, nic, kind, ridetTahiti) = ((string)row[0]!, row[1] as string, row[2] as string, (string)row[3]!, row[4] as string);
            var (rna, departement, qpv, qpvLibelle, branche) = (row[5] as string, (string)row[6]!, row[7] as string, row[8] as string, (string)row[9]!);
            kinds.Add(kind);
            switch (kind)
            {
                case "SIRET":
                    Assert.True(siret is not null && Luhn.IsValid(siret), $"tiers {code}: SIRET {siret}");
                    Assert.Equal(siret![9..], nic);
                    Assert.Null(ridetTahiti);
                    break;
                case "RIDET":
                    Assert.True(siret is null && nic is null && rna is null && branche == "Z039", $"tiers {code}");
                    Assert.Matches("^[0-9]{10}$", ridetTahiti);
                    Assert.Equal("988", departement);
                    break;
                case "TAHITI":
                    Assert.True(siret is null && nic is null && rna is null && branche == "Z039", $"tiers {code}");
                    Assert.Matches("^[A-Z][0-9]{8}$", ridetTahiti);
                    Assert.Equal("987", departement);
                    break;
                default:
                    Assert.Equal("#", kind);
                    Assert.True(siret is null && nic is null && ridetTahiti is null, $"tiers {code}");
                    break;
            }

            if (qpv is not null)
            {
                Assert.Matches("^QP" + departement + "[0-9]{3}$", qpv);
                Assert.False(string.IsNullOrEmpty(qpvLibelle), $"tiers {code}: QPV {qpv} without a label");
                Assert.Contains(kind, new[] { "SIRET", "#" });
            }
        }

        Assert.Contains("SIRET", kinds);
        Assert.Contains("RIDET", kinds);
        await AssertNone("one label per QPV", """
            SELECT COUNT(*) FROM (SELECT qpv_code FROM dim_tiers WHERE qpv_code IS NOT NULL GROUP BY qpv_code HAVING COUNT(DISTINCT qpv_libelle) > 1) x
            """);
    }
}

/// <summary>The subsidy invariants on the tiny SQLite seed.</summary>
public sealed class TinySqliteSubsidyInvariantTests(TinySqliteWarehouse warehouse)
    : SubsidyInvariantTests, IClassFixture<TinySqliteWarehouse>
{
    protected override SeededWarehouse Warehouse => warehouse;
}

/// <summary>The subsidy invariants on the tiny PostgreSQL seed.</summary>
[Collection(TinyPostgreSqlCollection.Name)]
public sealed class TinyPostgreSqlSubsidyInvariantTests(TinyPostgreSqlWarehouse fixture) : SubsidyInvariantTests
{
    protected override SeededWarehouse Warehouse => fixture.PostgreSql;
}

/// <summary>The subsidy invariants on the demo SQLite seed.</summary>
[Collection(DemoWarehouseCollection.Name)]
public sealed class DemoSqliteSubsidyInvariantTests(DemoSqliteWarehouse warehouse) : SubsidyInvariantTests
{
    protected override SeededWarehouse Warehouse => warehouse;
}
