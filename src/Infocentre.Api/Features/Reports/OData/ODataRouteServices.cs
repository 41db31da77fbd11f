using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Formatter.Serialization;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.AspNetCore.OData.Query.Validator;

namespace Infocentre.Api.Features.Reports.OData;

/// <summary>Services of the /odata route: the library's extension points we replace to fix its known defects.</summary>
internal static class ODataRouteServices
{
    public const string RoutePrefix = "odata";

    /// <summary>The route's own container (passed to AddRouteComponents): binder and validators.</summary>
    public static void Configure(IServiceCollection services)
    {
        // $filter and $apply=filter(...): aggregates compared in their own type, DateOnly compared as dates, and
        // (from the report engine's binder it derives from) comparisons with null unknown rather than failing.
        services.AddSingleton<IFilterBinder, ODataFilterBinder>();
        // Closed function list, finite literals, no division by a literal zero; also for $apply and $compute.
        services.AddSingleton<ReportFilterQueryValidator>();
        services.AddSingleton<IFilterQueryValidator>(sp => sp.GetRequiredService<ReportFilterQueryValidator>());
        services.AddSingleton<IODataQueryValidator, ReportQueryValidator>();
        services.AddSingleton<ODataResourceSetSerializer, FreshnessResourceSetSerializer>();
    }

    /// <summary>
    /// The application's side of the /odata routes: the request checks run before the library
    /// (<see cref="ODataRequestFilter"/>) and the OData error format for errors raised outside our controller.
    /// </summary>
    public static void AddODataRequestHandling(this IServiceCollection services)
    {
        services.Configure<MvcOptions>(mvc => mvc.Filters.Add<ODataRequestFilter>());
        // First writer: the ProblemDetails service uses the first one that accepts the request.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, ODataProblemDetailsWriter>());
    }

    public static bool IsODataPath(PathString path) => path.StartsWithSegments("/" + RoutePrefix, StringComparison.OrdinalIgnoreCase);
}
