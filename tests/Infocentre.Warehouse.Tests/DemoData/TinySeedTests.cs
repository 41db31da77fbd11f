using System.Globalization;
using System.Reflection;
using Infocentre.Warehouse.DemoData;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Warehouse.Tests.DemoData;

/// <summary>The invariants on the tiny data set, seeded once for the class into a temporary SQLite file.</summary>
public sealed class TinySqliteInvariantTests(TinySqliteWarehouse warehouse)
    : WarehouseInvariantTests, IClassFixture<TinySqliteWarehouse>
{
    protected override SeededWarehouse Warehouse => warehouse;

    [Fact]
    public async Task Tiny_is_small_enough_to_check_by_hand()
    {
        Assert.Equal(2, await warehouse.CountAsync("SELECT COUNT(*) FROM dim_ministere"));
        Assert.Equal(3, await warehouse.CountAsync("SELECT COUNT(*) FROM dim_programme"));
        var exercices = await warehouse.RowsAsync("SELECT DISTINCT exercice FROM fact_engagement ORDER BY exercice");
        Assert.Equal([2023L, 2024L], exercices.Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)));
        var ej = await warehouse.CountAsync("SELECT COUNT(DISTINCT ej_numero) FROM fact_engagement");
        Assert.InRange(ej, 12, 40);
        var facts = warehouse.Summary.FactRows;
        // Five teams each added the facts of their reports: still a few thousand rows, checkable by hand per table.
        Assert.InRange(facts, 200, 4_000);
        Assert.Equal(facts, await warehouse.CountAsync("""
            SELECT (SELECT COUNT(*) FROM fact_credit) + (SELECT COUNT(*) FROM fact_engagement)
                 + (SELECT COUNT(*) FROM fact_service_fait) + (SELECT COUNT(*) FROM fact_demande_paiement)
                 + (SELECT COUNT(*) FROM fact_ecriture_comptable) + (SELECT COUNT(*) FROM fact_titre_perception)
                 + (SELECT COUNT(*) FROM fact_encaissement)
                 + (SELECT COUNT(*) FROM fact_mouvement_credit) + (SELECT COUNT(*) FROM fact_programmation)
                 + (SELECT COUNT(*) FROM fact_emploi) + (SELECT COUNT(*) FROM fact_echeancier_cp)
                 + (SELECT COUNT(*) FROM fact_tranche_fonctionnelle) + (SELECT COUNT(*) FROM fact_acte_controle_budgetaire)
                 + (SELECT COUNT(*) FROM fact_demande_achat)
                 + (SELECT COUNT(*) FROM fact_engagement_hors_bilan) + (SELECT COUNT(*) FROM fact_cout_complet)
                 + (SELECT COUNT(*) FROM fact_demande_subvention) + (SELECT COUNT(*) FROM fact_echeance_subvention)
                 + (SELECT COUNT(*) FROM fact_versement_fonds_europeens)
                 + (SELECT COUNT(*) FROM fact_operation_paiement) + (SELECT COUNT(*) FROM fact_charge_a_payer)
                 + (SELECT COUNT(*) FROM fact_encaissement_non_rapproche) + (SELECT COUNT(*) FROM fact_prevision_recette)
                 + (SELECT COUNT(*) FROM fact_produit_a_recevoir)
            """));
    }

    [Fact]
    public async Task Tiny_covers_the_interesting_cases()
    {
        Assert.True(await warehouse.CountAsync("SELECT COUNT(*) FROM fact_engagement WHERE type_montant_code = '350'") > 0, "bascule");
        Assert.True(await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement WHERE ej_numero IS NULL") > 0, "DP sans EJ");
        Assert.True(await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement WHERE statut <> 'PAY'") > 0, "DP not paid yet");
        Assert.True(await warehouse.CountAsync("SELECT COUNT(*) FROM fact_service_fait WHERE est_solde = 0") > 0, "SF non soldé");
        Assert.True(await warehouse.CountAsync("SELECT COUNT(*) FROM fact_encaissement") > 0, "encaissements");
        Assert.True(await warehouse.CountAsync("SELECT COUNT(*) FROM v_versement_subvention") > 0, "subsidy view");
        Assert.True(await warehouse.CountAsync("SELECT COUNT(DISTINCT journal) FROM fact_ecriture_comptable") >= 4, "journals");
    }

    [Fact]
    public async Task Rows_read_back_through_ef_equal_the_generated_rows()
    {
        // What the bulk writer stored is what EF reads back: decimals, DateOnly, bool, nullable columns.
        var data = DemoDataSet.Create(DemoSize.Tiny);
        await using var db = warehouse.CreateContext();
        AssertSameRows(data.Paiements().ToList(), await db.PaymentLines.AsNoTracking().OrderBy(x => x.Id).ToListAsync());
        AssertSameRows(data.ServicesFaits().ToList(), await db.ServiceFaitLines.AsNoTracking().OrderBy(x => x.Id).ToListAsync());
        AssertSameRows(data.Engagements().ToList(), await db.EngagementLines.AsNoTracking().OrderBy(x => x.Id).ToListAsync());
        AssertSameRows(data.Credits().ToList(), await db.Credits.AsNoTracking().OrderBy(x => x.Id).ToListAsync());
        AssertSameRows(data.Ecritures().ToList(), await db.LedgerEntries.AsNoTracking().OrderBy(x => x.Id).ToListAsync());
        AssertSameRows(data.Titres().ToList(), await db.RevenueOrders.AsNoTracking().OrderBy(x => x.Id).ToListAsync());
        AssertSameRows(data.Tiers.ToList(), await db.Tiers.AsNoTracking().ToListAsync(), t => t.Code);
        AssertSameRows(data.Calendrier().ToList(), await db.Calendrier.AsNoTracking().ToListAsync(), c => c.Date);
    }

    [Fact]
    public async Task Seeding_a_warehouse_that_has_data_is_refused_and_changes_nothing()
    {
        var before = await warehouse.CountAsync("SELECT COUNT(*) FROM fact_engagement");
        await using var db = warehouse.CreateContext();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => DemoSeeder.SeedAsync(db, DemoSize.Tiny, null, CancellationToken.None));
        Assert.Contains("not empty", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await warehouse.CountAsync("SELECT COUNT(*) FROM fact_engagement"));
        Assert.Equal(5, await warehouse.CountAsync("SELECT COUNT(*) FROM load_record"));
    }

    private static void AssertSameRows<T>(List<T> expected, List<T> actual)
        where T : class => AssertSameRows(expected, actual, null);

    private static void AssertSameRows<T, TKey>(List<T> expected, List<T> actual, Func<T, TKey>? key)
        where T : class
    {
        if (key is not null)
        {
            expected = [.. expected.OrderBy(key)];
            actual = [.. actual.OrderBy(key)];
        }

        Assert.Equal(expected.Count, actual.Count);
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        for (var i = 0; i < expected.Count; i++)
        {
            foreach (var property in properties)
            {
                var e = property.GetValue(expected[i]);
                var a = property.GetValue(actual[i]);
                Assert.True(Equals(e, a), $"{typeof(T).Name} #{i} {property.Name}: expected {e}, read {a}");
            }
        }
    }

    private static void AssertSameRows<T>(List<T> expected, List<T> actual, Func<T, object?>? key)
        where T : class => AssertSameRows<T, object?>(expected, actual, key);
}

/// <summary>Tests that need their own tiny seeds: determinism, the bulk writer against EF, rollback.</summary>
public sealed class TinySeedTests
{
    [Fact]
    public async Task Two_tiny_seeds_hold_byte_identical_data()
    {
        await using var first = new Disposable(new TinySqliteWarehouse());
        await using var second = new Disposable(new TinySqliteWarehouse());
        await first.Warehouse.InitializeAsync();
        await second.Warehouse.InitializeAsync();
        Assert.Equal(first.Warehouse.Summary.Tables, second.Warehouse.Summary.Tables);

        var tables = SeededTables(first.Warehouse);
        Assert.Contains("fact_demande_paiement", tables);
        // Every dimension and fact table the seed loads.
        Assert.Equal(52, tables.Count);
        foreach (var table in tables)
        {
            var a = await DumpAsync(first.Warehouse, table);
            var b = await DumpAsync(second.Warehouse, table);
            Assert.True(a.Count > 0, table + " is empty");
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public async Task Demo_streams_are_deterministic_and_generated_again_on_each_enumeration()
    {
        var data = DemoDataSet.Create(DemoSize.Demo);
        var first = data.Paiements().Take(2_000).Select(p => $"{p.Id}|{p.DpNumero}|{p.DpPoste}|{p.EjNumero}|{p.Montant}|{p.DateBase}").ToList();
        var again = DemoDataSet.Create(DemoSize.Demo).Paiements().Take(2_000)
            .Select(p => $"{p.Id}|{p.DpNumero}|{p.DpPoste}|{p.EjNumero}|{p.Montant}|{p.DateBase}").ToList();
        Assert.Equal(first, again);
        Assert.Equal(first, data.Paiements().Take(2_000).Select(p => $"{p.Id}|{p.DpNumero}|{p.DpPoste}|{p.EjNumero}|{p.Montant}|{p.DateBase}"));
    }

    [Fact]
    public async Task The_bulk_writer_stores_exactly_what_ef_savechanges_stores()
    {
        await using var bulk = new Disposable(new TinySqliteWarehouse());
        await bulk.Warehouse.InitializeAsync();

        // The same tiny data set inserted the ordinary way, through the change tracker and SaveChanges.
        await using var ef = new Disposable(new TinySqliteWarehouse());
        await using (var db = ef.Warehouse.CreateContext())
        {
            await WarehouseDatabase.CreateSchemaAsync(db, CancellationToken.None);
            var data = DemoDataSet.Create(DemoSize.Tiny);
            db.AddRange(data.Ministeres);
            db.AddRange(data.Missions);
            db.AddRange(data.Programmes);
            db.AddRange(data.DomainesFonctionnels);
            db.AddRange(data.Bops);
            db.AddRange(data.CentresFinanciers);
            db.AddRange(data.Activites);
            db.AddRange(data.Categories);
            db.AddRange(data.ComptesBudgetaires);
            db.AddRange(data.ComptesGeneraux);
            db.AddRange(data.Societes);
            db.AddRange(data.Calendrier());
            db.AddRange(data.CentresCouts);
            db.AddRange(data.GroupesMarchandises);
            db.AddRange(data.Localisations);
            db.AddRange(data.Branches);
            db.AddRange(data.Tiers);
            db.AddRange(data.TypesEj);
            db.AddRange(data.TypesMontant);
            db.AddRange(data.NaturesDp);
            db.AddRange(data.Clients);
            db.AddRange(data.NaturesRecette);
            db.AddRange(data.Marches());
            db.AddRange(data.LignesRecette);
            db.AddRange(data.Regies);
            db.AddRange(data.Credits());
            db.AddRange(data.Engagements());
            db.AddRange(data.ServicesFaits());
            db.AddRange(data.Paiements());
            db.AddRange(data.Titres());
            db.AddRange(data.Encaissements());
            db.AddRange(data.Ecritures());
            db.AddRange(DemoDataSet.TypesMouvementCredit);
            db.AddRange(DemoDataSet.Fonds);
            db.AddRange(data.AxesAnalytiques);
            db.AddRange(data.MouvementsCredits());
            db.AddRange(data.Programmations());
            db.AddRange(data.Emplois());
            db.AddRange(data.EcheanciersCp());
            db.AddRange(data.TranchesFonctionnelles());
            db.AddRange(data.ActesControleBudgetaire());
            db.AddRange(data.DemandesAchat());
            db.AddRange(data.EngagementsHorsBilan());
            db.AddRange(data.CoutsComplets());
            db.AddRange(data.DemandesSubvention());
            db.AddRange(data.EcheancesSubvention());
            db.AddRange(data.VersementsFondsEuropeens());
            db.AddRange(data.OperationsPaiement());
            db.AddRange(data.ChargesAPayer());
            db.AddRange(data.EncaissementsNonRapproches());
            db.AddRange(data.PrevisionsRecettes());
            db.AddRange(data.ProduitsARecevoir());
            await db.SaveChangesAsync();
        }

        foreach (var table in SeededTables(bulk.Warehouse))
        {
            // Compared with SQLite's own storage class and text of each value ('12.5' TEXT, '2024-01-31' TEXT, 1 INTEGER...).
            var sql = $"SELECT * FROM {table}";
            var columns = (await bulk.Warehouse.RowsAsync($"SELECT name FROM pragma_table_info('{table}') ORDER BY cid")).Select(r => (string)r[0]!);
            var typed = string.Join(" || '|' || ", columns.Select(c => $"typeof({c}) || ':' || quote({c})"));
            var query = $"SELECT {typed} FROM {table} ORDER BY rowid";
            var fromBulk = await bulk.Warehouse.RowsAsync(query);
            var fromEf = await ef.Warehouse.RowsAsync(query);
            Assert.True(fromBulk.Count > 0, sql);
            Assert.Equal(fromEf.Select(r => (string)r[0]!).Order(StringComparer.Ordinal), fromBulk.Select(r => (string)r[0]!).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_cancelled_seed_leaves_nothing_behind()
    {
        await using var target = new Disposable(new TinySqliteWarehouse());
        using var cancel = new CancellationTokenSource();
        var progress = new CancelOn("fact_service_fait", cancel);
        await using (var db = target.Warehouse.CreateContext())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => DemoSeeder.SeedAsync(db, DemoSize.Tiny, progress, cancel.Token));
        }

        Assert.True(progress.Seen);
        Assert.Equal(0, await target.Warehouse.CountAsync("SELECT COUNT(*) FROM dim_ministere"));
        Assert.Equal(0, await target.Warehouse.CountAsync("SELECT COUNT(*) FROM fact_engagement"));
        Assert.Equal(0, await target.Warehouse.CountAsync("SELECT COUNT(*) FROM load_record"));

        // The session settings were restored and the warehouse can still be seeded.
        await using var again = target.Warehouse.CreateContext();
        var summary = await DemoSeeder.SeedAsync(again, DemoSize.Tiny, null, CancellationToken.None);
        Assert.True(summary.FactRows > 0);
        await again.Database.OpenConnectionAsync();
        await using var command = again.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA foreign_keys";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Sizes_parse_and_name()
    {
        Assert.Equal(DemoSize.Demo, DemoSizes.Parse(" Demo "));
        Assert.Equal("large", DemoSize.Large.Name());
        Assert.False(DemoSizes.TryParse("huge", out _));
        Assert.Throws<ArgumentException>(() => DemoSizes.Parse("huge"));
    }

    private sealed class CancelOn(string table, CancellationTokenSource source) : IProgress<SeedProgress>
    {
        public bool Seen { get; private set; }

        public void Report(SeedProgress value)
        {
            if (value.Table == table)
            {
                Seen = true;
                source.Cancel();
            }
        }
    }

    private sealed class Disposable(SqliteSeededWarehouse warehouse) : IAsyncDisposable
    {
        public SqliteSeededWarehouse Warehouse => warehouse;

        public async ValueTask DisposeAsync() => await warehouse.DisposeAsync();
    }

    /// <summary>The dimension and fact tables the seed loaded (not the load journal, whose times differ).</summary>
    private static List<string> SeededTables(SeededWarehouse warehouse) =>
        [.. warehouse.Summary.Tables.Select(t => t.Table).Where(t => t != "load_record")];

    private static async Task<List<string>> DumpAsync(SeededWarehouse warehouse, string table) =>
        [.. (await warehouse.RowsAsync($"SELECT * FROM {table} ORDER BY rowid"))
            .Select(r => string.Join("|", r.Select(v => v is null ? "∅" : $"{v.GetType().Name}:{Convert.ToString(v, CultureInfo.InvariantCulture)}")))];
}
