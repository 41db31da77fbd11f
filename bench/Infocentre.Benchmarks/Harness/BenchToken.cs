using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Infocentre.Benchmarks.Harness;

/// <summary>HS256 bearer tokens as the service validates them, signed with a key made for one run.</summary>
internal static class BenchToken
{
    public const string Issuer = "infocentre-bench";

    /// <summary>A token for <paramref name="subject"/> with <paramref name="role"/> on the interministerial perimeter, valid one day.</summary>
    public static string Create(byte[] key, string subject, string role)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["alg"] = "HS256", ["typ"] = "JWT" });
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["sub"] = subject, ["name"] = subject, ["role"] = role, ["perimetre"] = "interministeriel",
            ["iss"] = Issuer, ["aud"] = Issuer, ["iat"] = now, ["nbf"] = now, ["exp"] = now + 86_400,
        });
        var unsigned = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payload);
        return unsigned + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(unsigned)));
    }
}
