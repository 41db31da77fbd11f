using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Query.Validator;

namespace Infocentre.Api.Features.Reports.OData;

/// <summary>The query limits of OData and REST requests, set explicitly (the library's defaults are unlimited).</summary>
internal static class ODataValidation
{
    public static ODataValidationSettings Settings(ODataLimits limits) => new()
    {
        MaxTop = limits.MaxTop,
        MaxSkip = limits.MaxSkip,
        MaxNodeCount = limits.MaxNodeCount,
        MaxOrderByNodeCount = limits.MaxOrderByNodeCount,
        MaxExpansionDepth = 1,
        MaxAnyAllExpressionDepth = 1,
        // matchespattern takes a regular expression: a hostile one costs CPU or fails with a 500.
        AllowedFunctions = AllowedFunctions.AllFunctions & ~AllowedFunctions.MatchesPattern,
        AllowedQueryOptions = AllowedQueryOptions.Filter | AllowedQueryOptions.Select | AllowedQueryOptions.OrderBy
            | AllowedQueryOptions.Top | AllowedQueryOptions.Skip | AllowedQueryOptions.Count | AllowedQueryOptions.Apply
            | AllowedQueryOptions.SkipToken | AllowedQueryOptions.Format | AllowedQueryOptions.Compute,
    };
}
