namespace Infocentre.Warehouse.Schema;

/// <summary>A key/value row of schema_info: which version of the model built this warehouse.</summary>
public sealed class SchemaInfo
{
    public const string FingerprintKey = "fingerprint";

    public required string Key { get; set; }

    public required string Value { get; set; }
}

/// <summary>The database was built by another version of the model: it cannot be used as it is.</summary>
public sealed class WarehouseSchemaMismatchException(string message) : Exception(message);
