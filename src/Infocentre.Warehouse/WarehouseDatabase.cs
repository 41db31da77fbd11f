using System.Data.Common;
using Infocentre.Warehouse.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Infocentre.Warehouse;

/// <summary>Chooses the engine from configuration and creates the schema (tables, indexes, reporting views).</summary>
public static class WarehouseDatabase
{
    public static DbContextOptionsBuilder UseWarehouse(this DbContextOptionsBuilder builder, WarehouseOptions options)
    {
        var connectionString = options.ResolveConnectionString();
        var timeout = options.CommandTimeoutSeconds;
        _ = options.Provider switch
        {
            WarehouseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.CommandTimeout(timeout)),
            WarehouseProvider.PostgreSql => builder.UseNpgsql(connectionString, o => o.CommandTimeout(timeout)),
            WarehouseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.CommandTimeout(timeout)),
            _ => throw new WarehouseConfigurationException(
                $"Unknown Warehouse:Provider '{options.Provider}'. Use Sqlite, PostgreSql or SqlServer."),
        };
        if (options.Provider == WarehouseProvider.Sqlite)
        {
            ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new SqliteCentsSumExtension());
            builder.AddInterceptors(SqliteQueryInterrupt.Instance);
            if (options.SqliteMmapMiB > 0)
            {
                builder.AddInterceptors(SqliteConnectionSettings.For(options.SqliteMmapMiB * 1024L * 1024L));
            }
        }

        return builder.UseSnakeCaseNamingConvention();
    }

    public static WarehouseDbContext CreateContext(WarehouseOptions options)
    {
        var builder = new DbContextOptionsBuilder<WarehouseDbContext>();
        builder.UseWarehouse(options);
        return new WarehouseDbContext(builder.Options);
    }

    public static WarehouseProvider ProviderOf(DatabaseFacade database) => database.ProviderName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => WarehouseProvider.Sqlite,
        "Npgsql.EntityFrameworkCore.PostgreSQL" => WarehouseProvider.PostgreSql,
        "Microsoft.EntityFrameworkCore.SqlServer" => WarehouseProvider.SqlServer,
        var other => throw new WarehouseConfigurationException($"Unsupported EF Core provider '{other}'."),
    };

    /// <summary>
    /// Creates tables and views when the database has none, and records the model's fingerprint; returns true if
    /// it created them. An existing warehouse built by another version of the model is refused with a clear
    /// message rather than failing later on a missing column.
    /// </summary>
    /// <exception cref="WarehouseSchemaMismatchException">The database holds another version of the schema.</exception>
    public static async Task<bool> CreateSchemaAsync(WarehouseDbContext db, CancellationToken cancellationToken)
    {
        var provider = ProviderOf(db.Database);
        if (provider == WarehouseProvider.Sqlite)
        {
            // WAL lets readers run while a load writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var fingerprint = Fingerprint(db);
        var created = await db.Database.EnsureCreatedAsync(cancellationToken);
        if (created)
        {
            await CreateViewsAsync(db, provider, cancellationToken);
            db.SchemaInfo.Add(new SchemaInfo { Key = SchemaInfo.FingerprintKey, Value = fingerprint });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return true;
        }

        string? existing;
        try
        {
            existing = await db.SchemaInfo.Where(i => i.Key == SchemaInfo.FingerprintKey).Select(i => i.Value).FirstOrDefaultAsync(cancellationToken);
        }
        catch (DbException)
        {
            existing = null;
        }

        if (!string.Equals(existing, fingerprint, StringComparison.Ordinal))
        {
            throw new WarehouseSchemaMismatchException(
                $"The warehouse was built by another version of Infocentre (schema {existing ?? "unknown"}, expected {fingerprint}). "
                + "Rebuild it: delete the embedded SQLite file (a demo warehouse is recreated on start), or create a new database and load it again.");
        }

        return false;
    }

    /// <summary>A short hash of the DDL this version of the model creates.</summary>
    public static string Fingerprint(WarehouseDbContext db)
    {
        var ddl = CreateScript(db);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ddl)))[..16].ToLowerInvariant();
    }

    /// <summary>(Re)creates the reporting views, dependents last.</summary>
    public static async Task CreateViewsAsync(WarehouseDbContext db, WarehouseProvider provider, CancellationToken cancellationToken)
    {
        var views = ReportingViewSql.All(SqlDialect.For(provider));
        foreach (var (name, _) in views.Reverse())
        {
            // View names are constants of ReportingViewSql, never user input.
            var drop = "DROP VIEW IF EXISTS " + name;
            await db.Database.ExecuteSqlRawAsync(drop, cancellationToken);
        }

        foreach (var (name, sql) in views)
        {
            var create = "CREATE VIEW " + name + " AS\n" + sql;
            await db.Database.ExecuteSqlRawAsync(create, cancellationToken);
        }
    }

    /// <summary>The whole DDL for the context's engine, e.g. to review or apply it by hand on SQL Server.</summary>
    public static string CreateScript(WarehouseDbContext db)
    {
        var views = ReportingViewSql.All(SqlDialect.For(ProviderOf(db.Database)));
        var separator = ProviderOf(db.Database) == WarehouseProvider.SqlServer ? "\nGO\n" : ";\n";
        return db.Database.GenerateCreateScript() + "\n"
            + string.Join("", views.Select(v => $"CREATE VIEW {v.Name} AS\n{v.Sql}{separator}"));
    }
}
