using System.Net;
using System.Text.Json;

namespace Infocentre.Api.Tests.OData.Support;

/// <summary>A response read in full.</summary>
internal sealed record ODataResponse(HttpStatusCode Status, string? MediaType, string Body, HttpResponseMessage Message)
{
    public int Code => (int)Status;

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }

    public override string ToString() => $"{Code} {MediaType}: {(Body.Length > 600 ? Body[..600] + "…" : Body)}";
}

internal static class ODataHttp
{
    /// <summary>GET with optional extra headers; the URL is sent as given (escape it with <see cref="Url"/>).</summary>
    public static async Task<ODataResponse> SendAsync(this HttpClient client, string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = value;
            }
            else if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                throw new ArgumentException($"Header {name} cannot be set.", nameof(headers));
            }
        }

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new ODataResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response);
    }

    public static async Task<ODataResponse> GetOkAsync(this HttpClient client, string url, params (string Name, string Value)[] headers)
    {
        var response = await client.SendAsync(url, headers);
        Assert.True(response.Status == HttpStatusCode.OK, $"GET {url} → {response}");
        return response;
    }

    /// <summary>
    /// A relative URL from a readable one ("/odata/Set?$filter=A eq 'x'&amp;$top=1"): each query value escaped,
    /// names ($filter, @alias) kept.
    /// </summary>
    public static string Url(string readable)
    {
        var at = readable.IndexOf('?', StringComparison.Ordinal);
        if (at < 0)
        {
            return readable;
        }

        var pairs = readable[(at + 1)..].Split('&').Select(pair =>
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            return equals < 0 ? pair : pair[..equals] + "=" + Uri.EscapeDataString(pair[(equals + 1)..]);
        });
        return readable[..at] + "?" + string.Join("&", pairs);
    }

    /// <summary>
    /// Asserts an OData error body: exactly <c>{"error":{"code","message"}}</c> (details allowed), no innererror,
    /// no stack trace, no .NET type or exception name.
    /// </summary>
    public static JsonElement AssertODataError(ODataResponse response)
    {
        Assert.True(response.MediaType == "application/json", $"not an OData JSON error: {response}");
        var root = response.Json();
        var error = Assert.Single(root.EnumerateObject());
        Assert.Equal("error", error.Name);
        var names = error.Value.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("code", names);
        Assert.Contains("message", names);
        Assert.DoesNotContain("innererror", names, StringComparer.OrdinalIgnoreCase);
        Assert.All(names, n => Assert.Contains(n, new[] { "code", "message", "details", "target" }));
        Assert.False(string.IsNullOrWhiteSpace(error.Value.GetProperty("code").GetString()), response.ToString());
        Assert.False(string.IsNullOrWhiteSpace(error.Value.GetProperty("message").GetString()), response.ToString());
        foreach (var leak in new[] { "Exception", "   at ", "stacktrace", "System.", "Microsoft.", "Infocentre.Api", ".cs:line" })
        {
            Assert.False(response.Body.Contains(leak, StringComparison.OrdinalIgnoreCase), $"the error leaks '{leak}': {response}");
        }

        return error.Value;
    }
}
