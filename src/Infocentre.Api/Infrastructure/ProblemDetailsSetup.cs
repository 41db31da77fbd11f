using Infocentre.Warehouse;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Infocentre.Api.Infrastructure;

public static class ProblemDetailsSetup
{
    public static IServiceCollection AddInfocentreProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            // No stack traces or exception details leave the service outside Development.
            if (!context.HttpContext.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
            {
                context.ProblemDetails.Extensions.Remove("exception");
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<QueryTimeoutExceptionHandler>();
        return services;
    }

    public static void UseInfocentreErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
    }

    /// <summary>Turns <see cref="BadHttpRequestException"/> (bad input) into a 4xx ProblemDetails naming what is wrong.</summary>
    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }

            httpContext.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
            });
        }
    }

    /// <summary>
    /// A query stopped by the database time limit, or interrupted because the request was cancelled, is a 408
    /// naming the limit, like the request time limit (Limits:RequestTimeoutSeconds), not a 500.
    /// </summary>
    private sealed class QueryTimeoutExceptionHandler(IProblemDetailsService problems, IOptions<WarehouseOptions> warehouse) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (!QueryTimeout.IsTimeout(exception) || httpContext.Response.HasStarted)
            {
                return false;
            }

            httpContext.Response.StatusCode = StatusCodes.Status408RequestTimeout;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status408RequestTimeout,
                    Title = "Query timeout",
                    Detail = $"The query was stopped after {warehouse.Value.CommandTimeoutSeconds} s (Warehouse:CommandTimeoutSeconds) or because the request ended: narrow its parameters or filter.",
                },
            });
        }
    }
}
