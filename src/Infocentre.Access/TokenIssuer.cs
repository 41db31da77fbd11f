using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Infocentre.Access;

/// <summary>Signs short-lived JWTs carrying roles and a perimeter (used by `infocentre token` and by tests).</summary>
public static class TokenIssuer
{
    public static string Issue(
        byte[] signingKey, string issuer, string audience, string subject, IEnumerable<string> roles,
        IEnumerable<string> ministeres, IEnumerable<string>? programmes, bool interministeriel, TimeSpan lifetime, DateTime? now = null)
    {
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, subject), new("name", subject) };
        claims.AddRange(roles.Select(r => new Claim(InfocentreClaims.Role, r)));
        claims.AddRange(ministeres.Select(m => new Claim(InfocentreClaims.Ministere, m)));
        claims.AddRange((programmes ?? []).Select(p => new Claim(InfocentreClaims.Programme, p)));
        if (interministeriel)
        {
            claims.Add(new Claim(InfocentreClaims.Perimetre, InfocentreClaims.Interministeriel));
        }

        var issuedAt = now ?? DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
