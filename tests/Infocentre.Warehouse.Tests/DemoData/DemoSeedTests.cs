using System.Globalization;
using Xunit.Abstractions;

namespace Infocentre.Warehouse.Tests.DemoData;

/// <summary>The demo warehouse is seeded once per test run into a shared temporary SQLite file.</summary>
[CollectionDefinition(Name)]
public sealed class DemoWarehouseCollection : ICollectionFixture<DemoSqliteWarehouse>
{
    public const string Name = "DemoData demo warehouse";
}

[Collection(DemoWarehouseCollection.Name)]
public sealed class DemoSqliteInvariantTests(DemoSqliteWarehouse warehouse, ITestOutputHelper output) : WarehouseInvariantTests
{
    protected override SeededWarehouse Warehouse => warehouse;

    [Fact]
    public async Task Demo_holds_at_least_a_million_fact_rows()
    {
        var summary = warehouse.Summary;
        foreach (var table in summary.Tables)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table.Table,-26} {table.Rows,12:N0}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeded {summary.TotalRows:N0} rows ({summary.FactRows:N0} fact rows) in {summary.Elapsed.TotalSeconds:0.0} s"));
        var facts = await warehouse.CountAsync("""
            SELECT (SELECT COUNT(*) FROM fact_credit) + (SELECT COUNT(*) FROM fact_engagement)
                 + (SELECT COUNT(*) FROM fact_service_fait) + (SELECT COUNT(*) FROM fact_demande_paiement)
                 + (SELECT COUNT(*) FROM fact_ecriture_comptable) + (SELECT COUNT(*) FROM fact_titre_perception)
                 + (SELECT COUNT(*) FROM fact_encaissement)
                 + (SELECT COUNT(*) FROM fact_engagement_hors_bilan) + (SELECT COUNT(*) FROM fact_cout_complet)
                 + (SELECT COUNT(*) FROM fact_mouvement_credit) + (SELECT COUNT(*) FROM fact_programmation)
                 + (SELECT COUNT(*) FROM fact_emploi) + (SELECT COUNT(*) FROM fact_echeancier_cp)
                 + (SELECT COUNT(*) FROM fact_tranche_fonctionnelle) + (SELECT COUNT(*) FROM fact_acte_controle_budgetaire)
                 + (SELECT COUNT(*) FROM fact_demande_achat)
                 + (SELECT COUNT(*) FROM fact_demande_subvention) + (SELECT COUNT(*) FROM fact_echeance_subvention)
                 + (SELECT COUNT(*) FROM fact_versement_fonds_europeens)
                 + (SELECT COUNT(*) FROM fact_operation_paiement) + (SELECT COUNT(*) FROM fact_charge_a_payer)
                 + (SELECT COUNT(*) FROM fact_encaissement_non_rapproche) + (SELECT COUNT(*) FROM fact_prevision_recette)
                 + (SELECT COUNT(*) FROM fact_produit_a_recevoir)
            """);
        Assert.True(facts >= 1_000_000, $"{facts} fact rows");
        Assert.Equal(summary.FactRows, facts);
    }

    [Fact]
    public async Task Demo_has_the_breadth_of_a_real_warehouse()
    {
        Assert.InRange(await warehouse.CountAsync("SELECT COUNT(*) FROM dim_ministere"), 14, 16);
        Assert.True(await warehouse.CountAsync("SELECT COUNT(*) FROM dim_programme") >= 30);
        Assert.Equal(3, await warehouse.CountAsync("SELECT COUNT(DISTINCT exercice) FROM fact_demande_paiement"));
        Assert.True(await warehouse.CountAsync("SELECT COUNT(*) FROM fact_engagement WHERE ej_numero LIKE '00%'") > 0, "EJ with leading zeros");
        Assert.True(await warehouse.CountAsync("SELECT COUNT(DISTINCT type_ej_code) FROM fact_engagement") >= 12);
        Assert.True(await warehouse.CountAsync("SELECT COUNT(DISTINCT nature_dp_code) FROM fact_demande_paiement") >= 10);
        Assert.True(await warehouse.CountAsync("SELECT COUNT(DISTINCT societe_code) FROM fact_demande_paiement") >= 20);
        Assert.True(await warehouse.CountAsync("SELECT COUNT(*) FROM dim_tiers WHERE branche_code = 'Z039'") > 1_000);
        Assert.True(await warehouse.CountAsync("SELECT COUNT(*) FROM v_versement_subvention") > 50_000);
    }
}
