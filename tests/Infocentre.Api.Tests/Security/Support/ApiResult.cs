using System.Globalization;
using System.Text.Json;

namespace Infocentre.Api.Tests.Security.Support;

/// <summary>A response read in full: status, headers (response and content, case-insensitive), body, parsed JSON.</summary>
internal sealed class ApiResult
{
    private readonly JsonElement? _json;

    private ApiResult(int status, Dictionary<string, string> headers, string body)
    {
        Status = status;
        Headers = headers;
        Body = body;
        if (body.Length > 0 && (body[0] == '{' || body[0] == '['))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                _json = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                _json = null;
            }
        }
    }

    public int Status { get; }

    public Dictionary<string, string> Headers { get; }

    public string Body { get; }

    public JsonElement Json => _json ?? throw new InvalidOperationException($"The body is not JSON: {this}");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static async Task<ApiResult> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                headers[name] = string.Join(", ", values);
            }

            return new ApiResult((int)response.StatusCode, headers, body);
        }
    }

    /// <summary>The rows of an OData collection ("value") or of a REST page ("rows").</summary>
    public IReadOnlyList<JsonElement> Rows() =>
        Json.TryGetProperty("value", out var value) ? [.. value.EnumerateArray()]
        : Json.TryGetProperty("rows", out var rows) ? [.. rows.EnumerateArray()]
        : throw new InvalidOperationException($"No rows in {this}");

    /// <summary>@odata.nextLink of an OData page or nextLink of a REST page.</summary>
    public string? NextLink() =>
        Json.TryGetProperty("@odata.nextLink", out var link) || Json.TryGetProperty("nextLink", out link)
            ? link.ValueKind == JsonValueKind.String ? link.GetString() : null
            : null;

    public long? ODataCount() => Json.TryGetProperty("@odata.count", out var count) ? count.GetInt64() : null;

    public override string ToString() => $"{Status} {Body[..Math.Min(Body.Length, 1500)]}";
}

internal static class Rows
{
    public static decimal Decimal(this JsonElement row, string property) =>
        row.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal()
        : row.TryGetProperty(property, out value) && value.ValueKind == JsonValueKind.Null ? 0m
        : throw new InvalidOperationException($"No number {property} in {row}");

    public static string? Text(this JsonElement row, string property) =>
        row.TryGetProperty(property, out var value) ? value.ValueKind == JsonValueKind.Null ? null : value.ToString() : throw new InvalidOperationException($"No {property} in {row}");

    public static decimal Sum(this IEnumerable<JsonElement> rows, string property) => rows.Sum(r => r.Decimal(property));

    public static string Invariant(this decimal value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What an error response must never show outside Development (OWASP API8: verbose errors).</summary>
internal static class Disclosure
{
    /// <summary>Stack traces, exception type names, provider names, and this run's temp folder and repository paths.</summary>
    private static readonly string[] Internals =
    [
        "   at ", "\n at ", "stacktrace", "stack trace", "innererror", "Exception", "System.", "Microsoft.", "Npgsql",
        "SqliteError", "SQLite Error", "ef_filter", Path.GetTempPath(), Reports.Support.RepositoryPaths.Root, ".cs:line",
    ];

    /// <summary>Fragments of generated SQL (not checked where the request itself carried SQL that an error may quote).</summary>
    private static readonly string[] Sql = ["SELECT ", " FROM ", "WHERE ", "GROUP BY", "fact_", "v_execution", "v_credit"];

    /// <summary>The forbidden fragments found in <paramref name="body"/>, empty when clean.</summary>
    public static IReadOnlyList<string> Leaks(string body, bool sql = true) =>
        [
            .. Internals.Where(f => body.Contains(f, StringComparison.OrdinalIgnoreCase)),
            // SQL keywords as EF Core writes them (upper case): "from" is ordinary English in a message.
            .. (sql ? Sql : []).Where(f => body.Contains(f, StringComparison.Ordinal)),
        ];

    public static void AssertClean(ApiResult result, string request, bool sql = true)
    {
        var leaks = Leaks(result.Body, sql);
        Assert.True(leaks.Count == 0, $"{request} → {result.Status} discloses [{string.Join(", ", leaks)}]: {result}");
    }
}
