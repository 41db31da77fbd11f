using System.ComponentModel.DataAnnotations;

namespace Infocentre.Api.Features.Security;

/// <summary>Configuration section "Auth": how bearer tokens are validated.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>OpenID Connect authority (issuer URL) whose published keys sign tokens; or use <see cref="SigningKey"/>.</summary>
    public string? Authority { get; set; }

    public string? Issuer { get; set; }

    public string? Audience { get; set; }

    /// <summary>Base64 symmetric key (HMAC-SHA256), from a secret store: never in the repository.</summary>
    public string? SigningKey { get; set; }
}

/// <summary>Configuration section "Limits": protection of the service against costly or abusive use.</summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Requests per minute for one principal (token subject or API key).</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>A request running longer is cancelled, down to its database query.</summary>
    [Range(1, 3600)]
    public int RequestTimeoutSeconds { get; set; } = 120;
}

/// <summary>Configuration section "Hosting": transport hardening.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    public bool HttpsRedirection { get; set; }

    /// <summary>Origins allowed by CORS; empty (the default) allows no cross-origin browser call.</summary>
    public List<string> CorsOrigins { get; set; } = [];
}
