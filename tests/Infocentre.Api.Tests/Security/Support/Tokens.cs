using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Infocentre.Api.Tests.Security.Support;

/// <summary>Hand-made JWTs, including the malformed and hostile ones no issuer library would produce.</summary>
internal static class Tokens
{
    public const string Issuer = "infocentre-tests";
    public const string Audience = "infocentre";

    /// <summary>
    /// A JWT with the given claims (iss, aud, iat, nbf and exp added unless present), header <paramref name="alg"/>,
    /// signed with HMAC-SHA256 over <paramref name="key"/> (no signature when <paramref name="key"/> is null).
    /// </summary>
    public static string Custom(byte[]? key, IDictionary<string, object> claims, string alg = "HS256", IDictionary<string, object>? header = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new Dictionary<string, object>(claims, StringComparer.Ordinal);
        payload.TryAdd("iss", Issuer);
        payload.TryAdd("aud", Audience);
        payload.TryAdd("iat", now);
        payload.TryAdd("nbf", now);
        payload.TryAdd("exp", now + 600);
        foreach (var name in payload.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            // A null value means "leave this claim out".
            payload.Remove(name);
        }

        var head = new Dictionary<string, object>(header ?? new Dictionary<string, object>(), StringComparer.Ordinal);
        head.TryAdd("alg", alg);
        head.TryAdd("typ", "JWT");
        var signingInput = Encode(head) + "." + Encode(payload);
        return signingInput + "." + (key is null ? "" : Sign(key, signingInput));
    }

    /// <summary>A reader of MIN09 signed with <paramref name="key"/>, with claims overridden or removed (null) by <paramref name="changes"/>.</summary>
    public static string Reader(byte[]? key, Dictionary<string, object?>? changes = null, string alg = "HS256", IDictionary<string, object>? header = null)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = "hostile-reader", ["role"] = "reader", ["ministere"] = "MIN09",
        };
        foreach (var (name, value) in changes ?? [])
        {
            claims[name] = value!;
        }

        return Custom(key, claims, alg, header);
    }

    public static string Sign(byte[] key, string signingInput) =>
        Base64UrlEncoder.Encode(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput)));

    private static string Encode(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));
}
