using Infocentre.Warehouse.Bulk;
using Infocentre.Warehouse.DemoData;
using Infocentre.Warehouse.Dimensions;
using Infocentre.TestSupport.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Warehouse.Tests.DemoData;

/// <summary>One throwaway PostgreSQL server holding the tiny seed, checked like SQLite and compared with it.</summary>
public sealed class TinyPostgreSqlWarehouse : IAsyncLifetime
{
    private readonly PostgreSqlFixture server = new();

    public PostgreSqlSeededWarehouse PostgreSql { get; private set; } = null!;

    public TinySqliteWarehouse Sqlite { get; } = new();

    public Task<string> CreateDatabaseAsync(string prefix) => server.CreateDatabaseAsync(prefix);

    public async Task InitializeAsync()
    {
        await server.InitializeAsync();
        PostgreSql = new PostgreSqlSeededWarehouse(await server.CreateDatabaseAsync("demodata_tiny"));
        await PostgreSql.InitializeAsync();
        await Sqlite.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Sqlite.DisposeAsync();
        await server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TinyPostgreSqlCollection : ICollectionFixture<TinyPostgreSqlWarehouse>
{
    public const string Name = "DemoData tiny PostgreSQL";
}

[Collection(TinyPostgreSqlCollection.Name)]
public sealed class TinyPostgreSqlInvariantTests(TinyPostgreSqlWarehouse fixture) : WarehouseInvariantTests
{
    protected override SeededWarehouse Warehouse => fixture.PostgreSql;

    [Fact]
    public async Task PostgreSql_and_sqlite_tiny_seeds_hold_identical_amounts()
    {
        var postgres = await FactFingerprint.ComputeAsync(fixture.PostgreSql);
        var sqlite = await FactFingerprint.ComputeAsync(fixture.Sqlite);
        Assert.Equal(sqlite, postgres);
        Assert.Equal(fixture.Sqlite.Summary.Tables, fixture.PostgreSql.Summary.Tables);
    }

    [Fact]
    public async Task Ef_reads_the_copied_rows_back()
    {
        var data = DemoDataSet.Create(DemoSize.Tiny);
        await using var db = fixture.PostgreSql.CreateContext();
        var expected = data.Paiements().Select(p => (p.Id, p.DpNumero, p.Montant, p.DateBase, p.DatePaiement, p.EjNumero, p.DelaiPaiementJours)).ToList();
        var actual = (await db.PaymentLines.AsNoTracking().OrderBy(p => p.Id).ToListAsync())
            .Select(p => (p.Id, p.DpNumero, p.Montant, p.DateBase, p.DatePaiement, p.EjNumero, p.DelaiPaiementJours)).ToList();
        Assert.Equal(expected, actual);
        var solde = await db.ServiceFaitLines.CountAsync(s => s.EstSolde);
        Assert.Equal(data.ServicesFaits().Count(s => s.EstSolde), solde);
        Assert.Equal(5, await db.Loads.CountAsync(l => l.Kind == DemoSeeder.LoadKind));
    }

    [Fact]
    public async Task A_broken_foreign_key_fails_the_copy_and_commits_nothing()
    {
        var empty = new PostgreSqlSeededWarehouse(await fixture.CreateDatabaseAsync("demodata_fk"));
        await using (var db = empty.CreateContext())
        {
            await WarehouseDatabase.CreateSchemaAsync(db, CancellationToken.None);
            await using var writer = await BulkWriter.BeginAsync(db, null, CancellationToken.None);
            await writer.WriteAsync(DemoDataSet.Create(DemoSize.Tiny).Branches, null, CancellationToken.None);
            var orphan = new Tiers
            {
                Code = "1999999999", RaisonSociale = "ORPHELIN", BrancheCode = "Z999", CategorieJuridique = "9220",
                Commune = "PARIS", Departement = "075", EtatAdministratif = "A",
            };
            var error = await Record.ExceptionAsync(async () =>
            {
                await writer.WriteAsync(new[] { orphan }, null, CancellationToken.None);
                await writer.CommitAsync(CancellationToken.None);
            });
            Assert.IsType<Npgsql.PostgresException>(error);
        }

        Assert.Equal(0, await empty.CountAsync("SELECT COUNT(*) FROM dim_branche_tiers"));
        Assert.Equal(0, await empty.CountAsync("SELECT COUNT(*) FROM dim_tiers"));
        Assert.Equal(1, await empty.CountAsync(
            "SELECT COUNT(*) FROM pg_constraint WHERE conrelid = 'dim_tiers'::regclass AND contype = 'f'"));
    }
}
