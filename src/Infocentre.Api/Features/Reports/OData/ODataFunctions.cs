using Microsoft.AspNetCore.OData.Query;

namespace Infocentre.Api.Features.Reports.OData;

/// <summary>
/// The canonical functions this service supports in $filter, $orderby, $compute and $apply: the ones EF Core
/// translates to SQL on every engine over our column types. Published as Capabilities.FilterFunctions (a test
/// runs each of them on SQLite and PostgreSQL). Not round/floor/ceiling: EF Core cannot translate them over
/// decimals on SQLite, and a query must give the same answer on every engine.
/// </summary>
internal static class ODataFunctions
{
    private static readonly (string Name, AllowedFunctions Flag)[] Supported =
    [
        ("contains", AllowedFunctions.Contains),
        ("startswith", AllowedFunctions.StartsWith),
        ("endswith", AllowedFunctions.EndsWith),
        ("length", AllowedFunctions.Length),
        ("indexof", AllowedFunctions.IndexOf),
        ("substring", AllowedFunctions.Substring),
        ("tolower", AllowedFunctions.ToLower),
        ("toupper", AllowedFunctions.ToUpper),
        ("trim", AllowedFunctions.Trim),
        ("concat", AllowedFunctions.Concat),
        ("year", AllowedFunctions.Year),
        ("month", AllowedFunctions.Month),
        ("day", AllowedFunctions.Day),
    ];

    /// <summary>Function names, as published in $metadata.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Supported.Select(f => f.Name)];

    /// <summary>The same list for the library's own validator.</summary>
    public static AllowedFunctions Allowed { get; } = Supported.Aggregate(AllowedFunctions.None, (all, f) => all | f.Flag);

    /// <summary>
    /// Whether a function is supported. The library's validator lets through any function missing from its own
    /// enumeration (now(), maxdatetime(), geo.*, case()...): this list is closed instead.
    /// </summary>
    public static bool IsSupported(string name) => Names.Contains(name, StringComparer.Ordinal);
}
