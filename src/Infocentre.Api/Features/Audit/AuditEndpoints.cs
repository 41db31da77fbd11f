using Infocentre.Api.Features.Security;
using Infocentre.Warehouse;
using Infocentre.Warehouse.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Api.Features.Audit;

public static class AuditEndpoints
{
    public static void AddAuditTrail(this IServiceCollection services) =>
        services.AddSingleton<AuditTrail>().AddHostedService<AuditWriter>();

    /// <summary>GET /api/audit: the audit trail, newest first, for administrators.</summary>
    public static void MapAuditEndpoints(this WebApplication app) =>
        app.MapGet("/api/audit", Query).RequireAuthorization(Policies.Admin).WithTags("Audit").WithName("Audit")
            .WithSummary("Who ran or exported which report, with which parameters, rows, duration and outcome (administrators).");

    private static async Task<Results<Ok<List<AuditEntry>>, ProblemHttpResult>> Query(
        WarehouseDbContext db, CancellationToken cancellationToken,
        string? principal = null, string? report = null, DateTime? from = null, DateTime? to = null, int top = 100)
    {
        if (top is < 1 or > 10_000)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid top", detail: "top must be between 1 and 10000.");
        }

        var entries = db.Audit.AsNoTracking();
        entries = principal is null ? entries : entries.Where(e => e.Principal == principal);
        entries = report is null ? entries : entries.Where(e => e.Report == report);
        entries = from is null ? entries : entries.Where(e => e.At >= from);
        entries = to is null ? entries : entries.Where(e => e.At < to);
        return TypedResults.Ok(await entries.OrderByDescending(e => e.Id).Take(top).ToListAsync(cancellationToken));
    }
}
