namespace Infocentre.Api.Features.Reports.OData;

/// <summary>Services of the /odata route: the library's extension points we replace to fix its known defects.</summary>
internal static class ODataRouteServices
{
    /// <summary>The report filter binder also serves clients' $filter: a comparison with null is unknown, not a 500.</summary>
    public static void Configure(IServiceCollection services) =>
        services.AddSingleton<Microsoft.AspNetCore.OData.Query.Expressions.IFilterBinder, Infocentre.Reports.Compilation.ReportFilterBinder>();
}
