using Infocentre.Api.Features.Security;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Infocentre.Api.Features.Exports;

public static class ExportsSetup
{
    /// <summary>Name of the rate-limiter policy that bounds concurrent exports.</summary>
    public const string ConcurrencyPolicy = "exports";

    /// <summary>Options (section "Exports", validated at startup) and the concurrency policy of exports.</summary>
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // A named policy next to the global limiter of SecuritySetup, registered from here: both apply to exports.
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, ExportConcurrencyPolicy>(ConcurrencyPolicy));
        return services;
    }

    /// <summary>
    /// GET /api/reports/{code}/export.xlsx and export.csv: the whole result of a report as a file, for callers with
    /// the exporter role. {code} may also be the report's OData entity set. See docs/exports.md.
    /// </summary>
    public static void MapExportEndpoints(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ExportOptions>>().Value;
        var timeout = new RequestTimeoutPolicy
        {
            Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            TimeoutStatusCode = StatusCodes.Status408RequestTimeout,
            WriteTimeoutResponse = context => SecuritySetup.WriteProblemAsync(context, StatusCodes.Status408RequestTimeout, "Request timeout",
                $"The export exceeded the {options.TimeoutSeconds} s limit (Exports:TimeoutSeconds): narrow its parameters or filter."),
        };

        var group = app.MapGroup("/api/reports").WithTags("Exports");
        group.MapGet("/{code}/export.xlsx", ExportEndpoints.XlsxAsync)
            .WithName("ExportReportXlsx")
            .WithSummary("Every row of a report as an Excel workbook (header block, typed cells, totals=true for a totals row). Same parameters as /rows, without top/skip/count.")
            .Produces(StatusCodes.Status200OK, contentType: ExportEndpoints.XlsxContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireAuthorization(Policies.Export)
            .RequireRateLimiting(ConcurrencyPolicy)
            .WithRequestTimeout(timeout);
        group.MapGet("/{code}/export.csv", ExportEndpoints.CsvAsync)
            .WithName("ExportReportCsv")
            .WithSummary("Every row of a report as CSV: UTF-8 with BOM, ';' and decimal comma (dialect=rfc4180 for ',' and '.'). Same parameters as /rows, without top/skip/count.")
            .Produces(StatusCodes.Status200OK, contentType: ExportEndpoints.CsvContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireAuthorization(Policies.Export)
            .RequireRateLimiting(ConcurrencyPolicy)
            .WithRequestTimeout(timeout);
    }
}
