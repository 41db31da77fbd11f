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
        // A closed list (matchesPattern, whose regular expression can cost CPU or fail with a 500, is not in it).
        AllowedFunctions = ODataFunctions.Allowed,
        AllowedQueryOptions = AllowedQueryOptions.Filter | AllowedQueryOptions.Select | AllowedQueryOptions.OrderBy
            | AllowedQueryOptions.Top | AllowedQueryOptions.Skip | AllowedQueryOptions.Count | AllowedQueryOptions.Apply
            | AllowedQueryOptions.Format | AllowedQueryOptions.Compute,
    };
}
