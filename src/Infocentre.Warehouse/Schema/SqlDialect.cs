namespace Infocentre.Warehouse.Schema;

/// <summary>The few SQL spellings the reporting views need that differ between the three engines.</summary>
public sealed record SqlDialect(string ZeroAmount, string NullText, string NullInt, string NullDate, string True)
{
    /// <summary>EF Core stores decimals as TEXT on SQLite; a TEXT zero keeps sums exact (ef_sum) and comparable.</summary>
    public static readonly SqlDialect Sqlite = new("'0.0'", "NULL", "NULL", "NULL", "1");

    public static readonly SqlDialect PostgreSql = new(
        "CAST(0 AS numeric(18,2))", "CAST(NULL AS text)", "CAST(NULL AS integer)", "CAST(NULL AS date)", "TRUE");

    public static readonly SqlDialect SqlServer = new(
        "CAST(0 AS decimal(18,2))", "CAST(NULL AS nvarchar(450))", "CAST(NULL AS int)", "CAST(NULL AS date)", "1");

    public static SqlDialect For(WarehouseProvider provider) => provider switch
    {
        WarehouseProvider.Sqlite => Sqlite,
        WarehouseProvider.PostgreSql => PostgreSql,
        WarehouseProvider.SqlServer => SqlServer,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown warehouse provider."),
    };
}
