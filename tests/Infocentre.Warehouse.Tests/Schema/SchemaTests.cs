using Infocentre.TestSupport.PostgreSql;
using Infocentre.Warehouse.Schema;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Infocentre.Warehouse.Tests.Schema;

public sealed class SchemaTests : IDisposable
{
    private static readonly string[] Views =
    [
        "v_credit", "v_engagement", "v_demande_paiement", "v_execution_budgetaire", "v_ecriture_comptable",
        "v_recette_non_fiscale", "v_versement_subvention", "v_one_row",
        "v_rapprochement_budget_compta", "v_anomalie_comptable", "v_engagement_hors_bilan", "v_cout_complet",
        "v_suivi_subvention", "v_versement_fonds_europeens",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("infocentre-schema-").FullName;

    private WarehouseOptions Sqlite(string name) => new()
    {
        Provider = WarehouseProvider.Sqlite,
        ConnectionString = $"Data Source={Path.Combine(_folder, name)};Pooling=False",
    };

    [Fact]
    public async Task Sqlite_schema_is_created_once_with_its_views_and_indexes()
    {
        var options = Sqlite("schema.db");
        await using var db = WarehouseDatabase.CreateContext(options);

        Assert.True(await WarehouseDatabase.CreateSchemaAsync(db, default));
        Assert.False(await WarehouseDatabase.CreateSchemaAsync(db, default));

        await using var connection = new SqliteConnection(options.ConnectionString);
        await connection.OpenAsync();
        var objects = await Strings(connection, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')");
        Assert.Contains("fact_engagement", objects);
        Assert.Contains("dim_centre_financier", objects);
        Assert.All(Views, v => Assert.Contains(v, objects));
        var indexed = await Strings(connection, "SELECT name FROM pragma_index_info('ix_fact_engagement_exercice_programme_code')");
        Assert.Equal(["exercice", "programme_code"], indexed);
        Assert.Equal(0, await db.BudgetExecutionView.CountAsync());
        Assert.Equal(1, await db.OneRow.CountAsync());
    }

    [Fact]
    public async Task PostgreSql_schema_has_exact_amounts_and_queryable_views()
    {
        await using var server = await PostgreSqlServer.StartAsync(default);
        var options = new WarehouseOptions
        {
            Provider = WarehouseProvider.PostgreSql,
            ConnectionString = await server.CreateDatabaseAsync("schema", default),
        };
        await using var db = WarehouseDatabase.CreateContext(options);

        Assert.True(await WarehouseDatabase.CreateSchemaAsync(db, default));

        await using var connection = new NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT data_type, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_name = 'fact_demande_paiement' AND column_name = 'montant'",
            connection);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal("numeric", reader.GetString(0));
            Assert.Equal(18, reader.GetInt32(1));
            Assert.Equal(2, reader.GetInt32(2));
        }

        var views = await Strings(connection, "SELECT table_name FROM information_schema.views WHERE table_schema = 'public'");
        Assert.All(Views, v => Assert.Contains(v, views));
        Assert.Equal(0, await db.SubsidyPaymentView.CountAsync());
        Assert.Equal(0, await db.RevenueView.CountAsync());
    }

    [Fact]
    public async Task SqlServer_schema_script_has_tables_exact_amounts_and_views()
    {
        await using var db = WarehouseDatabase.CreateContext(new WarehouseOptions
        {
            Provider = WarehouseProvider.SqlServer,
            ConnectionString = "Server=unused;Database=unused",
        });

        var script = WarehouseDatabase.CreateScript(db);

        Assert.Contains("CREATE TABLE [fact_engagement]", script, StringComparison.Ordinal);
        Assert.Contains("[montant_engage] decimal(18,2) NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("CREATE VIEW v_execution_budgetaire AS", script, StringComparison.Ordinal);
        Assert.Contains("CAST(0 AS decimal(18,2))", script, StringComparison.Ordinal);
        Assert.Contains("\nGO\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warehouse_built_by_another_model_version_is_refused_with_a_clear_message()
    {
        var options = Sqlite("old.db");
        await using (var db = WarehouseDatabase.CreateContext(options))
        {
            await WarehouseDatabase.CreateSchemaAsync(db, default);
            await db.Database.ExecuteSqlRawAsync("UPDATE schema_info SET value = 'older' WHERE key = 'fingerprint'");
        }

        await using var again = WarehouseDatabase.CreateContext(options);
        var error = await Assert.ThrowsAsync<WarehouseSchemaMismatchException>(() => WarehouseDatabase.CreateSchemaAsync(again, default));
        Assert.Contains("another version of Infocentre (schema older", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_string_is_required_for_a_server_provider()
    {
        var error = Assert.Throws<WarehouseConfigurationException>(() => new WarehouseOptions { Provider = WarehouseProvider.PostgreSql }.ResolveConnectionString());
        Assert.Contains("Warehouse:ConnectionString is required for the PostgreSql provider", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<string>> Strings(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
