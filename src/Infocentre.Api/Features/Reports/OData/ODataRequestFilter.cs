using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Microsoft.OData.UriParser;

namespace Infocentre.Api.Features.Reports.OData;

/// <summary>
/// Runs first on every OData-routed request (entity sets, service document, $metadata), before the library
/// reads anything: pins the links' base address and refuses, with a 4xx naming the problem, what the library
/// would otherwise accept silently or answer with a 500 (version headers, repeated or unknown query options,
/// unsupported features and formats).
/// </summary>
internal sealed class ODataRequestFilter(IOptions<ODataLimits> limits) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetEndpoint()?.Metadata.GetMetadata<IODataRoutingMetadata>() is null)
        {
            await next();
            return;
        }

        PublicAddress.Apply(http, limits.Value.PublicBaseUrl);
        var entitySet = http.ODataFeature().Path?.FirstSegment is EntitySetSegment;
        if (ODataRequestChecks.Check(http.Request, entitySet) is { } refusal)
        {
            context.Result = refusal;
            return;
        }

        await next();
    }
}

/// <summary>
/// The base address of @odata.context, @odata.nextLink and the service document's links. The library builds them
/// from the request's scheme, Host header and path base; the Host header is client input, and echoing it lets
/// anyone plant links to another site (cache poisoning, phishing through BI tools that follow nextLink).
/// Chosen design: links come from <see cref="ODataLimits.PublicBaseUrl"/> when configured (set it behind a reverse
/// proxy), otherwise from the local address the connection arrived on, never from the Host header.
/// ASP.NET host filtering (AllowedHosts) remains available on top but is not relied upon: it is off by default.
/// </summary>
internal static class PublicAddress
{
    public static void Apply(HttpContext http, string? publicBaseUrl)
    {
        var request = http.Request;
        if (!string.IsNullOrWhiteSpace(publicBaseUrl) && Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var configured))
        {
            request.Scheme = configured.Scheme;
            request.Host = HostString.FromUriComponent(configured);
            request.PathBase = PathString.FromUriComponent(configured.AbsolutePath.TrimEnd('/'));
            return;
        }

        var local = http.Connection.LocalIpAddress;
        if (local is null)
        {
            request.Host = new HostString("localhost");
            return;
        }

        if (local.IsIPv4MappedToIPv6)
        {
            local = local.MapToIPv4();
        }

        var host = local.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{local}]" : local.ToString();
        request.Host = new HostString(host, http.Connection.LocalPort);
    }
}

/// <summary>Checks of the raw request, before the library parses it.</summary>
internal static class ODataRequestChecks
{
    /// <summary>Server-driven paging uses $skip in our next links, so $skiptoken is not among them.</summary>
    private static readonly HashSet<string> EntitySetOptions = new(StringComparer.Ordinal)
    {
        "$filter", "$select", "$orderby", "$top", "$skip", "$count", "$apply", "$compute", "$format",
    };

    private static readonly HashSet<string> DocumentOptions = new(StringComparer.Ordinal) { "$format" };

    /// <summary>Standard features this service does not implement: 501, as OData conformance asks.</summary>
    private static readonly HashSet<string> NotImplementedOptions = new(StringComparer.Ordinal) { "$search", "$deltatoken", "$schemaversion" };

    /// <summary>Standard options that cannot apply here: the sets have no navigation property and no addressable entity.</summary>
    private static readonly HashSet<string> InapplicableOptions = new(StringComparer.Ordinal) { "$expand", "$levels", "$id", "$index" };

    private static readonly string[] MetadataLevels = ["minimal", "none", "full"];

    private static readonly string[] Booleans = ["true", "false"];

    public static IActionResult? Check(HttpRequest request, bool entitySet) =>
        CheckVersionHeaders(request) ?? CheckQueryOptions(request, entitySet) ?? CheckFormat(request, entitySet) ?? CheckAccept(request, entitySet);

    private static IActionResult? CheckVersionHeaders(HttpRequest request)
    {
        foreach (var header in new[] { "OData-Version", "OData-MaxVersion" })
        {
            if (!request.Headers.TryGetValue(header, out var values))
            {
                continue;
            }

            if (values.Count != 1 || !TryParseVersion(values[0], out var version))
            {
                return ODataErrors.BadRequest($"The {header} header must be one version number such as 4.0.", "InvalidHeader");
            }

            if (header == "OData-MaxVersion" && version < new Version(4, 0))
            {
                return ODataErrors.BadRequest($"This service speaks OData 4.0: it cannot answer within OData-MaxVersion {values[0]}.", "InvalidHeader");
            }

            if (header == "OData-Version" && (version < new Version(4, 0) || version > new Version(4, 1)))
            {
                return ODataErrors.BadRequest($"OData-Version {values[0]} is not supported: use 4.0 or 4.01.", "InvalidHeader");
            }
        }

        return null;
    }

    private static bool TryParseVersion(string? text, out Version version)
    {
        version = new Version(0, 0);
        var parts = text?.Trim().Split('.') ?? [];
        if (parts.Length != 2 || !parts.All(p => p.Length is > 0 and <= 2 && p.All(char.IsAsciiDigit)))
        {
            return false;
        }

        version = new Version(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    private static IActionResult? CheckQueryOptions(HttpRequest request, bool entitySet)
    {
        foreach (var (key, values) in request.Query)
        {
            if ((key.StartsWith('$') || key.StartsWith('@')) && values.Count > 1)
            {
                // The library would join the values with commas: $select=A&$select=B read as $select=A,B.
                return ODataErrors.BadRequest($"The query option '{key}' appears more than once.");
            }

            if (!key.StartsWith('$'))
            {
                continue;
            }

            if (NotImplementedOptions.Contains(key.ToLowerInvariant()))
            {
                return ODataErrors.Result(StatusCodes.Status501NotImplemented, "NotImplemented", $"The query option '{key}' is not supported by this service.");
            }

            if (InapplicableOptions.Contains(key.ToLowerInvariant()))
            {
                return ODataErrors.BadRequest($"The query option '{key}' does not apply here: the entity sets have no navigation properties and are read as collections.");
            }

            var known = entitySet ? EntitySetOptions : DocumentOptions;
            if (!known.Contains(key))
            {
                return ODataErrors.BadRequest(known.Contains(key.ToLowerInvariant())
                    ? $"System query options are written in lower case: use '{key.ToLowerInvariant()}'."
                    : $"The query option '{key}' is not supported here. Supported: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
            }
        }

        return null;
    }

    private static IActionResult? CheckFormat(HttpRequest request, bool entitySet)
    {
        if (!request.Query.TryGetValue("$format", out var values))
        {
            return null;
        }

        var value = values[0] ?? "";
        if (value is "json" || !entitySet && value is "xml")
        {
            return null;
        }

        if (!MediaTypeHeaderValue.TryParse(value, out var mediaType))
        {
            return NotAcceptable($"$format={value} is not supported: use json or application/json.");
        }

        if (!entitySet && mediaType.MediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase) && mediaType.Parameters.Count == 0)
        {
            return null;
        }

        if (!mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return NotAcceptable($"$format={value} is not supported: use json or application/json.");
        }

        foreach (var parameter in mediaType.Parameters)
        {
            var name = parameter.Name.ToString();
            var allowed = name.ToLowerInvariant() switch
            {
                "odata.metadata" => MetadataLevels,
                "odata.streaming" or "ieee754compatible" => Booleans,
                "charset" => ["utf-8"],
                _ => null,
            };
            if (allowed is null || !allowed.Contains(parameter.Value.ToString(), StringComparer.OrdinalIgnoreCase))
            {
                return ODataErrors.BadRequest($"$format parameter '{parameter}' is not supported. Supported: odata.metadata=minimal|none|full, odata.streaming=true|false, IEEE754Compatible=true|false, charset=utf-8.");
            }
        }

        return entitySet && AsksFullMetadataWithApply(request, [mediaType]) ? FullMetadataWithApply() : null;
    }

    private static IActionResult? CheckAccept(HttpRequest request, bool entitySet)
    {
        if (!request.Headers.TryGetValue(HeaderNames.Accept, out var accept) || StringValues.IsNullOrEmpty(accept))
        {
            return null;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var mediaTypes))
        {
            return ODataErrors.BadRequest("The Accept header is malformed.", "InvalidHeader");
        }

        foreach (var mediaType in mediaTypes)
        {
            foreach (var parameter in mediaType.Parameters)
            {
                // Other parameters (odata=minimalmetadata from OData v3 clients, charset...) are left to negotiation.
                var name = parameter.Name.ToString();
                var allowed = name.Equals("odata.metadata", StringComparison.OrdinalIgnoreCase) ? MetadataLevels
                    : name.Equals("IEEE754Compatible", StringComparison.OrdinalIgnoreCase) || name.Equals("odata.streaming", StringComparison.OrdinalIgnoreCase) ? Booleans
                    : null;
                if (allowed is not null && !allowed.Contains(parameter.Value.ToString(), StringComparer.OrdinalIgnoreCase))
                {
                    return ODataErrors.BadRequest($"Accept parameter '{parameter}' is not supported: {name} takes {string.Join("|", allowed)}.", "InvalidHeader");
                }
            }
        }

        return entitySet && request.Query["$format"].Count == 0 && AsksFullMetadataWithApply(request, mediaTypes) ? FullMetadataWithApply() : null;
    }

    private static bool AsksFullMetadataWithApply(HttpRequest request, IEnumerable<MediaTypeHeaderValue> mediaTypes) =>
        request.Query.ContainsKey("$apply") && mediaTypes.Any(m => m.Quality is not 0
            && m.Parameters.Any(p => p.Name.Equals("odata.metadata", StringComparison.OrdinalIgnoreCase)
                && p.Value.Equals("full", StringComparison.OrdinalIgnoreCase)));

    // With $apply, AspNetCore.OData 9.5.0 fails while writing full metadata, after the 200 status is sent (upstream #1280).
    private static IActionResult FullMetadataWithApply() => NotAcceptable(
        "odata.metadata=full is not available with $apply: ask for odata.metadata=minimal or none.");

    private static IActionResult NotAcceptable(string message) =>
        ODataErrors.Result(StatusCodes.Status406NotAcceptable, "NotAcceptable", message);
}
