using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Infocentre.Api.Tests.Reports.Support;

/// <summary>A response read in full: status, headers, body and (when the body is JSON) its parsed form.</summary>
internal sealed class ApiResponse
{
    private readonly JsonElement? _json;

    public ApiResponse(HttpStatusCode status, Dictionary<string, string> headers, string mediaType, string body)
    {
        Status = status;
        Headers = headers;
        MediaType = mediaType;
        Body = body;
        if (body.Length > 0 && (body[0] == '{' || body[0] == '['))
        {
            using var document = JsonDocument.Parse(body);
            _json = document.RootElement.Clone();
        }
    }

    public HttpStatusCode Status { get; }

    /// <summary>Response and content headers, names case-insensitive, values joined with ", ".</summary>
    public Dictionary<string, string> Headers { get; }

    public string MediaType { get; }

    public string Body { get; }

    public JsonElement Json => _json ?? throw new InvalidOperationException($"The body is not JSON: {Body}");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The "value" array of an OData collection response, as rows.</summary>
    public List<Row> ODataRows() => Rows.From(Json.GetProperty("value"));

    public string? ODataNextLink() =>
        Json.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;

    public long? ODataCount() =>
        Json.TryGetProperty("@odata.count", out var count) ? count.GetInt64() : null;

    public override string ToString() => $"{(int)Status} {MediaType}: {Body}";
}

internal static class Http
{
    public static async Task<ApiResponse> FetchAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        var body = await response.Content.ReadAsStringAsync();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }

        return new ApiResponse(response.StatusCode, headers, response.Content.Headers.ContentType?.MediaType ?? "", body);
    }

    /// <summary>GET that must answer 200 (the failure message shows the body).</summary>
    public static async Task<ApiResponse> GetOkAsync(this HttpClient client, string url)
    {
        var response = await client.FetchAsync(url);
        Assert.True(response.Status == HttpStatusCode.OK, $"GET {url} → {response}");
        return response;
    }

    /// <summary>A query string from name/value pairs, values escaped (names such as $filter are kept as is).</summary>
    public static string Query(params (string Name, string Value)[] parameters) =>
        parameters.Length == 0 ? "" : "?" + string.Join("&", parameters.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));

    public static string Invariant(this int value) => value.ToString(CultureInfo.InvariantCulture);
}
