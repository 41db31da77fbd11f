using System.Security.Claims;
using System.Text.Encodings.Web;
using Infocentre.Access;
using Infocentre.Warehouse;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Infocentre.Api.Features.Security;

/// <summary>Authenticates service accounts by the X-Api-Key header against the hashed keys of the warehouse.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IServiceScopeFactory scopes)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeys.HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.Fail("Exactly one X-Api-Key header is expected.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarehouseDbContext>();
        var key = await ApiKeys.FindAsync(db, values[0]!, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var claims = new List<Claim> { new("sub", "apikey:" + key.Name), new("name", "apikey:" + key.Name) };
        claims.AddRange(Split(key.Roles).Select(r => new Claim(InfocentreClaims.Role, r)));
        if (key.Ministeres == "*")
        {
            claims.Add(new Claim(InfocentreClaims.Perimetre, InfocentreClaims.Interministeriel));
        }
        else
        {
            claims.AddRange(Split(key.Ministeres).Select(m => new Claim(InfocentreClaims.Ministere, m)));
        }

        claims.AddRange(Split(key.Programmes).Select(p => new Claim(InfocentreClaims.Programme, p)));
        var identity = new ClaimsIdentity(claims, SchemeName, "name", InfocentreClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>A 401 names the scheme the caller can use (RFC 9110).</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
        return Task.CompletedTask;
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
