using Infocentre.Warehouse.Bulk;
using Infocentre.Warehouse.DemoData;
using Infocentre.Warehouse.Dimensions;
using Infocentre.Warehouse.Facts;

namespace Infocentre.Warehouse.Tests.DemoData;

public sealed class BulkWriterTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_broken_foreign_key_fails_the_load_and_commits_nothing(bool deferForeignKeyChecks)
    {
        var target = new TinySqliteWarehouse();
        try
        {
            await using (var db = target.CreateContext())
            {
                await WarehouseDatabase.CreateSchemaAsync(db, CancellationToken.None);
                var data = DemoDataSet.Create(DemoSize.Tiny);
                var options = new BulkWriterOptions { DeferForeignKeyChecks = deferForeignKeyChecks };
                await using var writer = await BulkWriter.BeginAsync(db, options, CancellationToken.None);
                await writer.WriteAsync(data.Branches, null, CancellationToken.None);
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
                Assert.NotNull(error);
            }

            Assert.Equal(0, await target.CountAsync("SELECT COUNT(*) FROM dim_branche_tiers"));
            Assert.Equal(0, await target.CountAsync("SELECT COUNT(*) FROM dim_tiers"));
        }
        finally
        {
            await target.DisposeAsync();
        }
    }

    [Fact]
    public async Task Empty_and_non_ascii_texts_are_stored_as_given()
    {
        var target = new TinySqliteWarehouse();
        try
        {
            await using (var db = target.CreateContext())
            {
                await WarehouseDatabase.CreateSchemaAsync(db, CancellationToken.None);
                await using var writer = await BulkWriter.BeginAsync(db, new BulkWriterOptions(), CancellationToken.None);
                await writer.WriteAsync(
                    new[] { new BrancheTiers { Code = "Z997", Libelle = string.Empty }, new BrancheTiers { Code = "Z998", Libelle = "Écoles « privées » – 10 €" } },
                    null, CancellationToken.None);
                await writer.CommitAsync(CancellationToken.None);
            }

            // An empty text is '' (not NULL), and the bytes of any other text are its UTF-8.
            Assert.Equal(1, await target.CountAsync("SELECT COUNT(*) FROM dim_branche_tiers WHERE code = 'Z997' AND typeof(libelle) = 'text' AND libelle = ''"));
            Assert.Equal(1, await target.CountAsync("SELECT COUNT(*) FROM dim_branche_tiers WHERE code = 'Z998' AND libelle = 'Écoles « privées » – 10 €'"));
        }
        finally
        {
            await target.DisposeAsync();
        }
    }

    [Fact]
    public void The_bundled_sqlite_library_is_the_one_bound_directly()
    {
        // Otherwise the bulk insert silently takes the slower ADO.NET path.
        SQLitePCL.Batteries_V2.Init();
        Assert.True(SqliteNativeBind.IsTheProvidersLibrary(), $"SQLitePCLRaw uses '{SQLitePCL.raw.GetNativeLibraryName()}'.");
    }

    [Fact]
    public void Columns_come_from_the_ef_model()
    {
        using var db = new TinySqliteWarehouse().CreateContext();
        var table = BulkTable.For<PaymentLine>(db);
        Assert.Equal("fact_demande_paiement", table.Name);
        Assert.Contains(table.Columns, c => c.Name == "delai_paiement_jours");
        Assert.Contains(table.Columns, c => c.Name == "id");
        // Store-generated keys are left to the database.
        Assert.DoesNotContain(BulkTable.For<Loads.LoadRecord>(db).Columns, c => c.Name == "id");
    }
}
