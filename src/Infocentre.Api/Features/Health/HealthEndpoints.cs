using Infocentre.Api.Features.Warehouse;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Infocentre.Api.Features.Health;

public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddInfocentreHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<WarehouseReadyCheck>("warehouse", tags: [ReadyTag]);
        return services;
    }

    /// <summary>/health/live answers as soon as the process serves; /health/ready once the warehouse is.</summary>
    public static void MapInfocentreHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) }).AllowAnonymous().DisableRateLimiting();
    }

    /// <summary>Reports only a coarse status: health endpoints are public and must not expose internals.</summary>
    private sealed class WarehouseReadyCheck(WarehouseState state) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(state.IsReady
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy(state.Status.StartsWith("failed", StringComparison.Ordinal) ? "failed" : "initialising"));
    }
}
