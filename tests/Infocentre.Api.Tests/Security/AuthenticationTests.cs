using System.Globalization;
using System.Security.Cryptography;
using Infocentre.Access;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Security.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Security;

/// <summary>
/// OWASP API2 (broken authentication) and API5 (function-level authorization): who gets in, with what.
/// Everything but /health/live, /health/ready and the root page needs an authenticated reader; the audit needs an
/// administrator. The wider token zoo is in <see cref="HostileRequestTests"/>.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class AuthenticationTests(TinyWarehouses warehouses)
{
    public static TheoryData<string> ProtectedUrls() =>
    [
        "/api/reports", "/api/reports/INF-BUD-40", "/api/reports/INF-BUD-40/rows?exercice={E}", "/api/reports/INF-BUD-40/parameters/ministere/values",
        "/odata", "/odata/$metadata", "/odata/Credits", "/odata/Ministeres", "/odata/ConsommationParProgramme?exercice={E}", "/api/audit",
        "/swagger/index.html", "/swagger/v1/swagger.json", "/no-such-page",
    ];

    [Theory]
    [MemberData(nameof(ProtectedUrls))]
    public async Task Anonymous_requests_get_401_with_a_WWW_Authenticate_header(string url)
    {
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var result = await app.GetAsync(await WithExerciceAsync(app, url), null);
        Assert.True(result.Status == 401, $"anonymous GET {url} → {result}");
        Assert.StartsWith("Bearer", result.Header("WWW-Authenticate") ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("MIN09", result.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/")]
    public async Task Health_and_the_root_page_answer_anonymously_and_say_nothing_internal(string url)
    {
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var result = await app.GetAsync(url, null);
        Assert.Equal(200, result.Status);
        Disclosure.AssertClean(result, url);
        Assert.DoesNotContain("Data Source", result.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Host=", result.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task A_valid_token_of_this_instance_is_accepted(WarehouseProvider provider)
    {
        var app = await SecurityApps.GetAsync(warehouses, provider);
        var token = app.Reader("auth-valid", ["MIN09"]);
        Assert.Equal(200, (await app.GetAsync("/api/reports", token)).Status);
        Assert.Equal(200, (await app.GetAsync("/odata/$metadata", token)).Status);
        // The scheme name is case-insensitive (RFC 9110 §11.1).
        Assert.Equal(200, (await app.GetAsync("/api/reports", null, r => r.Headers.TryAddWithoutValidation("Authorization", "bearer " + token))).Status);
    }

    public static TheoryData<string> RejectedTokens() =>
        ["forged", "expired", "wrong audience", "wrong issuer", "unsigned (alg none)", "malformed", "tampered", "another instance's token"];

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task Forged_expired_foreign_unsigned_and_malformed_tokens_get_401(string kind)
    {
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var key = app.App.SigningKey;
        var now = DateTime.UtcNow;
        var token = kind switch
        {
            "forged" => TokenIssuer.Issue(RandomNumberGenerator.GetBytes(32), Tokens.Issuer, Tokens.Audience, "auth-forged", [Roles.Admin], [], null, true, TimeSpan.FromMinutes(10)),
            "expired" => TokenIssuer.Issue(key, Tokens.Issuer, Tokens.Audience, "auth-expired", [Roles.Reader], ["MIN09"], null, false, TimeSpan.FromMinutes(5), now.AddMinutes(-10)),
            "wrong audience" => app.App.Token(roles: [Roles.Reader], ministeres: ["MIN09"], audience: "another-api", subject: "auth-aud"),
            "wrong issuer" => app.App.Token(roles: [Roles.Reader], ministeres: ["MIN09"], issuer: "https://evil.example", subject: "auth-iss"),
            "unsigned (alg none)" => Tokens.Reader(null, new() { ["role"] = "admin", ["perimetre"] = "interministeriel" }, alg: "none"),
            "malformed" => "not.a.jwt",
            "tampered" => Tamper(app.Reader("auth-tampered", ["MIN09"]), key),
            // Every claim right, but signed by another deployment's key.
            "another instance's token" => TokenIssuer.Issue(RandomNumberGenerator.GetBytes(32), Tokens.Issuer, Tokens.Audience, "auth-other", [Roles.Reader], ["MIN09"], null, false, TimeSpan.FromMinutes(10)),
            _ => throw new ArgumentException(kind, nameof(kind)),
        };

        foreach (var url in new[] { "/api/reports", "/odata/Credits", "/api/audit" })
        {
            var result = await app.GetAsync(url, token);
            Assert.True(result.Status == 401, $"{kind} token on {url} → {result}");
            Assert.StartsWith("Bearer", result.Header("WWW-Authenticate") ?? "", StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("reader", "/api/audit", 403)]
    [InlineData("exporter", "/api/audit", 403)]
    [InlineData("analyst", "/api/audit", 403)]
    [InlineData("loader", "/api/reports", 403)]
    [InlineData("loader", "/odata/Credits", 403)]
    [InlineData("", "/api/reports", 403)]
    [InlineData("admin", "/api/audit", 200)]
    [InlineData("reader", "/api/reports", 200)]
    [InlineData("exporter", "/odata/Credits", 200)]
    [InlineData("analyst", "/api/reports", 200)]
    [InlineData("admin", "/odata/Credits", 200)]
    public async Task Roles_are_cumulative_and_a_missing_role_is_a_403(string role, string url, int expected)
    {
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var token = app.App.Token(roles: role.Length == 0 ? [] : [role], ministeres: ["MIN09"], subject: "auth-role-" + role);
        var result = await app.GetAsync(url, token);
        Assert.True(result.Status == expected, $"role '{role}' on {url} → {result}");
    }

    [Theory]
    [InlineData("unknown key", "ick_abcdefgh_0123456789012345678901234567890123456789")]
    [InlineData("malformed key", "not-a-key")]
    [InlineData("empty key", "")]
    public async Task Every_401_names_a_scheme_in_WWW_Authenticate_including_api_key_failures(string kind, string key)
    {
        // RFC 9110 §15.5.2: a 401 MUST carry WWW-Authenticate. Bearer failures do; API-key failures must too.
        var app = await SecurityApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var result = await app.GetAsync("/api/reports", null, r => r.Headers.TryAddWithoutValidation(ApiKeys.HeaderName, key));
        Assert.Equal(401, result.Status);
        Assert.True(!string.IsNullOrEmpty(result.Header("WWW-Authenticate")), $"{kind}: 401 without WWW-Authenticate");
    }

    private static string Tamper(string token, byte[] key)
    {
        // Same signature, payload rewritten to an interministerial administrator.
        var parts = token.Split('.');
        var forged = Tokens.Reader(key, new() { ["role"] = "admin", ["perimetre"] = "interministeriel" }).Split('.');
        return $"{parts[0]}.{forged[1]}.{parts[2]}";
    }

    private static async Task<string> WithExerciceAsync(SecurityApp app, string url) =>
        url.Replace("{E}", (await IndependentSql.LatestExerciceAsync(app.Warehouse)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
