namespace Infocentre.Api.Features.Reports.OData;

/// <summary>Services of the /odata route: the library's extension points we replace to fix its known defects.</summary>
internal static class ODataRouteServices
{
    public static void Configure(IServiceCollection services) => _ = services;
}
