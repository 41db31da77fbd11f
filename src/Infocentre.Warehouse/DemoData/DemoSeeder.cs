using System.Diagnostics;
using Infocentre.Warehouse.Bulk;
using Infocentre.Warehouse.Loads;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Warehouse.DemoData;

/// <summary>Where a demo seed is: the table being loaded and the rows written so far.</summary>
/// <param name="Table">Table being loaded ("fact_engagement").</param>
/// <param name="TableNumber">1-based position of the table in the load.</param>
/// <param name="TableCount">Number of tables the seed loads.</param>
/// <param name="TableRows">Rows written so far in this table.</param>
/// <param name="TotalRows">Rows written so far in all tables.</param>
/// <param name="Elapsed">Time since the seed started.</param>
public sealed record SeedProgress(string Table, int TableNumber, int TableCount, long TableRows, long TotalRows, TimeSpan Elapsed);

/// <summary>Rows loaded into one table by a seed.</summary>
public sealed record SeedTableCount(string Table, long Rows, bool IsFact);

/// <summary>What a demo seed loaded, and how long it took.</summary>
public sealed record SeedSummary(DemoSize Size, WarehouseProvider Provider, IReadOnlyList<SeedTableCount> Tables, TimeSpan Elapsed)
{
    public long TotalRows => Tables.Sum(t => t.Rows);

    public long FactRows => Tables.Where(t => t.IsFact).Sum(t => t.Rows);

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? TotalRows / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Loads a generated demo warehouse (<see cref="DemoDataSet"/>) into an empty warehouse: dimensions, then facts,
/// then one <see cref="LoadRecord"/> per domain, all in one transaction through the <see cref="BulkWriter"/>.
/// </summary>
public static class DemoSeeder
{
    /// <summary><see cref="LoadRecord.Kind"/> of the load records a seed writes.</summary>
    public const string LoadKind = "demo-seed";

    /// <summary>Creates the schema if needed and loads the demo data of <paramref name="size"/>; all or nothing.</summary>
    /// <exception cref="InvalidOperationException">The warehouse already holds data; nothing is changed.</exception>
    public static Task<SeedSummary> SeedAsync(
        WarehouseDbContext db, DemoSize size, IProgress<SeedProgress>? progress, CancellationToken cancellationToken) =>
        SeedAsync(db, size, progress, options: null, cancellationToken);

    /// <summary>As <see cref="SeedAsync(WarehouseDbContext, DemoSize, IProgress{SeedProgress}?, CancellationToken)"/>, with bulk-load settings (benchmarks).</summary>
    public static async Task<SeedSummary> SeedAsync(
        WarehouseDbContext db, DemoSize size, IProgress<SeedProgress>? progress, BulkWriterOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stopwatch = Stopwatch.StartNew();
        var startedAt = DateTime.UtcNow;
        await WarehouseDatabase.CreateSchemaAsync(db, cancellationToken);
        await EnsureEmptyAsync(db, cancellationToken);

        var data = DemoDataSet.Create(size);
        var tables = new List<SeedTableCount>();
        long total = 0;
        long subsidies = 0;
        const int TableCount = 53;

        await using (var writer = await BulkWriter.BeginAsync(db, options, cancellationToken))
        {
            async Task Load<T>(IEnumerable<T> rows, bool isFact)
                where T : class
            {
                var table = db.Model.FindEntityType(typeof(T))!.GetTableName()!;
                var number = tables.Count + 1;
                var before = total;
                var written = await writer.WriteAsync(
                    rows,
                    count => progress?.Report(new SeedProgress(table, number, TableCount, count, before + count, stopwatch.Elapsed)),
                    cancellationToken);
                total += written;
                tables.Add(new SeedTableCount(table, written, isFact));
            }

            await Load(data.Ministeres, false);
            await Load(data.Missions, false);
            await Load(data.Programmes, false);
            await Load(data.DomainesFonctionnels, false);
            await Load(data.Bops, false);
            await Load(data.CentresFinanciers, false);
            await Load(data.Activites, false);
            await Load(data.Categories, false);
            await Load(data.ComptesBudgetaires, false);
            await Load(data.ComptesGeneraux, false);
            await Load(data.Societes, false);
            await Load(data.Calendrier(), false);
            await Load(data.CentresCouts, false);
            await Load(data.GroupesMarchandises, false);
            await Load(data.Localisations, false);
            await Load(data.Branches, false);
            await Load(data.Tiers, false);
            await Load(data.TypesEj, false);
            await Load(data.TypesMontant, false);
            await Load(data.NaturesDp, false);
            await Load(data.Clients, false);
            await Load(data.NaturesRecette, false);
            await Load(DemoDataSet.TypesMouvementCredit, false);
            await Load(DemoDataSet.Fonds, false);
            await Load(data.AxesAnalytiques, false);
            await Load(data.Marches(), false);
            await Load(data.LignesRecette, false);
            await Load(data.Regies, false);

            await Load(data.Credits(), true);
            await Load(data.Engagements(), true);
            await Load(data.ServicesFaits(), true);
            await Load(data.Paiements().Select(p =>
            {
                if (data.IsSubsidyPayment(p))
                {
                    subsidies++;
                }

                return p;
            }), true);
            await Load(data.Titres(), true);
            await Load(data.Encaissements(), true);
            await Load(data.Ecritures(), true);
            await Load(data.MouvementsCredits(), true);
            await Load(data.Programmations(), true);
            await Load(data.Emplois(), true);
            await Load(data.EcheanciersCp(), true);
            await Load(data.TranchesFonctionnelles(), true);
            await Load(data.ActesControleBudgetaire(), true);
            await Load(data.DemandesAchat(), true);
            await Load(data.OperationsPaiement(), true);
            await Load(data.ChargesAPayer(), true);
            await Load(data.EngagementsHorsBilan(), true);
            await Load(data.CoutsComplets(), true);
            await Load(data.EncaissementsNonRapproches(), true);
            await Load(data.PrevisionsRecettes(), true);
            await Load(data.ProduitsARecevoir(), true);
            await Load(data.DemandesSubvention(), true);
            await Load(data.EcheancesSubvention(), true);
            await Load(data.VersementsFondsEuropeens(), true);

            long Rows(params string[] names) => tables.Where(t => names.Contains(t.Table)).Sum(t => t.Rows);
            var finishedAt = DateTime.UtcNow;
            LoadRecord Record(string domain, long rows) => new()
            {
                Domain = domain, Kind = LoadKind, Source = "demo:" + size.Name(), StartedAt = startedAt, FinishedAt = finishedAt,
                Status = LoadStatus.Succeeded, RowsRead = rows, RowsLoaded = rows, RowsRejected = 0,
            };
            var records = WarehouseDomains.All.Select(domain => Record(domain, domain switch
            {
                WarehouseDomains.Budget => Rows("fact_credit", "fact_engagement"),
                WarehouseDomains.Depenses => Rows("fact_service_fait", "fact_demande_paiement", "fact_operation_paiement", "fact_charge_a_payer"),
                WarehouseDomains.ComptabiliteGenerale => Rows("fact_ecriture_comptable", "fact_engagement_hors_bilan", "fact_cout_complet"),
                WarehouseDomains.RecettesNonFiscales => Rows("fact_titre_perception", "fact_encaissement", "fact_encaissement_non_rapproche", "fact_prevision_recette", "fact_produit_a_recevoir"),
                WarehouseDomains.Subventions => subsidies,
                _ => 0,
            })).ToList();
            db.Loads.AddRange(records);
            await db.SaveChangesAsync(cancellationToken);
            await LoadHistoryGenerator.AddAsync(db, data.LastExercice, startedAt, cancellationToken);
            tables.Add(new SeedTableCount("load_record", records.Count, false));
            progress?.Report(new SeedProgress("load_record", TableCount, TableCount, records.Count, total + records.Count, stopwatch.Elapsed));

            await writer.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        if (WarehouseDatabase.ProviderOf(db.Database) == WarehouseProvider.PostgreSql)
        {
            // Fresh statistics so that the first reports get good plans.
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        }

        stopwatch.Stop();
        return new SeedSummary(size, WarehouseDatabase.ProviderOf(db.Database), tables, stopwatch.Elapsed);
    }

    private static async Task EnsureEmptyAsync(WarehouseDbContext db, CancellationToken cancellationToken)
    {
        // Query filters (the caller's perimeter) must not hide rows from this check.
        (string Table, Func<CancellationToken, Task<bool>> Any)[] checks =
        [
            ("fact_credit", db.Credits.IgnoreQueryFilters().AnyAsync),
            ("fact_engagement", db.EngagementLines.IgnoreQueryFilters().AnyAsync),
            ("fact_service_fait", db.ServiceFaitLines.IgnoreQueryFilters().AnyAsync),
            ("fact_demande_paiement", db.PaymentLines.IgnoreQueryFilters().AnyAsync),
            ("fact_ecriture_comptable", db.LedgerEntries.IgnoreQueryFilters().AnyAsync),
            ("fact_titre_perception", db.RevenueOrders.IgnoreQueryFilters().AnyAsync),
            ("fact_encaissement", db.RevenueReceipts.IgnoreQueryFilters().AnyAsync),
            ("fact_engagement_hors_bilan", db.OffBalanceCommitments.IgnoreQueryFilters().AnyAsync),
            ("fact_encaissement_non_rapproche", db.UnmatchedReceipts.IgnoreQueryFilters().AnyAsync),
            ("dim_ministere", db.Ministeres.IgnoreQueryFilters().AnyAsync),
            ("dim_programme", db.Programmes.IgnoreQueryFilters().AnyAsync),
            ("dim_tiers", db.Tiers.IgnoreQueryFilters().AnyAsync),
            ("dim_calendrier", db.Calendrier.IgnoreQueryFilters().AnyAsync),
        ];
        foreach (var (table, any) in checks)
        {
            if (await any(cancellationToken))
            {
                throw new InvalidOperationException(
                    $"The warehouse is not empty ({table} has rows): the demo seed only loads an empty warehouse. "
                    + "Use a new database, or drop this one first.");
            }
        }
    }
}
