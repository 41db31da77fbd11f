namespace Infocentre.Access;

/// <summary>
/// What a principal may do. Roles are cumulative: an exporter also reads, an admin does everything.
/// "analyst" is the usual bundle for a ministry analyst (reader and exporter).
/// </summary>
public static class Roles
{
    public const string Reader = "reader";
    public const string Exporter = "exporter";
    public const string Loader = "loader";
    public const string Admin = "admin";
    public const string Analyst = "analyst";

    public static readonly IReadOnlyList<string> All = [Reader, Exporter, Loader, Admin, Analyst];

    /// <summary>The roles a given role grants, itself included.</summary>
    public static IReadOnlyList<string> Expand(string role) => role switch
    {
        Admin => [Admin, Loader, Exporter, Reader],
        Analyst => [Analyst, Exporter, Reader],
        Exporter => [Exporter, Reader],
        _ => [role],
    };
}

/// <summary>Claim types of Infocentre tokens and API-key principals.</summary>
public static class InfocentreClaims
{
    public const string Role = "role";
    /// <summary>A ministère code of the perimeter ("MIN10"); repeated for several.</summary>
    public const string Ministere = "ministere";
    /// <summary>A programme code narrowing the perimeter ("0163"); repeated for several.</summary>
    public const string Programme = "programme";
    /// <summary>"interministeriel" for a principal that sees every ministry.</summary>
    public const string Perimetre = "perimetre";
    public const string Interministeriel = "interministeriel";
}
