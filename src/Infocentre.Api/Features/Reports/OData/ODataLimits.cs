using System.ComponentModel.DataAnnotations;

namespace Infocentre.Api.Features.Reports.OData;

/// <summary>Configuration section "OData": explicit limits (the library's defaults are unlimited).</summary>
public sealed class ODataLimits
{
    public const string SectionName = "OData";

    /// <summary>Rows per page; more rows are reached through @odata.nextLink.</summary>
    [Range(1, 100_000)]
    public int PageSize { get; set; } = 5_000;

    [Range(1, 1_000_000)]
    public int MaxTop { get; set; } = 100_000;

    [Range(1, 1_000_000_000)]
    public int MaxSkip { get; set; } = 10_000_000;

    /// <summary>Nodes of a $filter or $apply expression tree.</summary>
    [Range(10, 1_000)]
    public int MaxNodeCount { get; set; } = 100;

    [Range(1, 20)]
    public int MaxOrderByNodeCount { get; set; } = 10;

    /// <summary>
    /// Public address of the service (scheme, host and path base, e.g. https://infocentre.example.fr/api), used for
    /// @odata.context and @odata.nextLink links. Empty: the local address the request arrived on. The Host header
    /// is never used (see <see cref="PublicAddress"/>). Set it behind a reverse proxy.
    /// </summary>
    [RegularExpression(@"^https?://[^\s?#]+$", ErrorMessage = "OData:PublicBaseUrl must be an absolute http(s) URL without query or fragment.")]
    public string? PublicBaseUrl { get; set; }
}
