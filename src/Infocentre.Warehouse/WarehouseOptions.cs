using System.ComponentModel.DataAnnotations;

namespace Infocentre.Warehouse;

public enum WarehouseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>Configuration section "Warehouse": which engine holds the star schema, and where.</summary>
public sealed class WarehouseOptions
{
    public const string SectionName = "Warehouse";

    public WarehouseProvider Provider { get; set; } = WarehouseProvider.Sqlite;

    /// <summary>Connection string; for SQLite, empty means a file "infocentre.db" under <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder of the embedded SQLite warehouse (relative to the working directory).</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Database command timeout: a query running longer is cancelled.</summary>
    [Range(1, 3600)]
    public int CommandTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// SQLite only: how much of the database file each connection memory-maps for reading (PRAGMA mmap_size);
    /// 0 reads through system calls instead. SQLite caps it at its build's maximum (2 GiB for the bundled library).
    /// </summary>
    [Range(0, 1_048_576)]
    public int SqliteMmapMiB { get; set; } = 2048;

    /// <summary>Demo size created on first start when the warehouse is empty ("none" to create the schema only).</summary>
    public string SeedOnFirstRun { get; set; } = "demo";

    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider != WarehouseProvider.Sqlite)
        {
            throw new WarehouseConfigurationException(
                $"Warehouse:ConnectionString is required for the {Provider} provider.");
        }

        Directory.CreateDirectory(DataFolder);
        return $"Data Source={Path.Combine(DataFolder, "infocentre.db")}";
    }
}

/// <summary>A configuration error that must stop startup with one clear message.</summary>
public sealed class WarehouseConfigurationException(string message, Exception? inner = null)
    : Exception(message, inner);
