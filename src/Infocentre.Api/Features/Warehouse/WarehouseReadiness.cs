using Microsoft.AspNetCore.Mvc;

namespace Infocentre.Api.Features.Warehouse;

/// <summary>
/// Data requests wait for the warehouse: while it is being created or seeded they get a 503 with Retry-After
/// instead of an error from a half-built database. The catalogue, $metadata and health stay available.
/// </summary>
public static class WarehouseReadiness
{
    public static void UseWarehouseReadiness(this WebApplication app) => app.Use(async (context, next) =>
    {
        var state = context.RequestServices.GetRequiredService<WarehouseState>();
        if (state.IsReady || !NeedsData(context.Request.Path))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "10";
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Warehouse not ready",
                Detail = $"The warehouse is being prepared ({state.Status}); retry in a few seconds.",
            },
        });
    });

    private static bool NeedsData(PathString path) =>
        path.StartsWithSegments("/odata", StringComparison.OrdinalIgnoreCase, out var rest) ? !(rest.Value is null or "" or "/" || rest.StartsWithSegments("/$metadata", StringComparison.OrdinalIgnoreCase))
        : path.StartsWithSegments("/api/reports", StringComparison.OrdinalIgnoreCase) && (path.Value!.EndsWith("/rows", StringComparison.Ordinal) || path.Value.EndsWith("/values", StringComparison.Ordinal) || path.Value.Contains("/export", StringComparison.Ordinal));
}
