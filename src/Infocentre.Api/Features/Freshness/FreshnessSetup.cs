namespace Infocentre.Api.Features.Freshness;

public static class FreshnessSetup
{
    public static IServiceCollection AddFreshness(this IServiceCollection services) =>
        services.AddSingleton(TimeProvider.System).AddSingleton<FreshnessCache>();
}
