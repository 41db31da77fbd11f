namespace Infocentre.Warehouse.Access;

/// <summary>
/// A service account's API key. Only a SHA-256 hash of the secret is stored; the prefix finds the row, the hash
/// proves the secret.
/// </summary>
public sealed class ApiKey
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    public required string SecretHash { get; set; }
    /// <summary>Comma-separated roles (reader, exporter, loader, admin).</summary>
    public required string Roles { get; set; }
    /// <summary>Comma-separated ministère codes, or "*" for an interministerial perimeter.</summary>
    public required string Ministeres { get; set; }
    /// <summary>Comma-separated programme codes narrowing the perimeter; empty for all.</summary>
    public string Programmes { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>Who ran or exported which report with which parameters, how many rows, how long, with what outcome.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Principal { get; set; }
    public required string Method { get; set; }
    public required string Path { get; set; }
    /// <summary>Query string as sent, without credentials.</summary>
    public required string Query { get; set; }
    public string? Report { get; set; }
    public int Status { get; set; }
    public long? Rows { get; set; }
    public long DurationMs { get; set; }
}
