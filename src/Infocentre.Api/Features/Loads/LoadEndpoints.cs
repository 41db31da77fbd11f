using Infocentre.Api.Features.Freshness;
using Infocentre.Api.Features.Security;
using Infocentre.Loading;
using Infocentre.Loading.Common;
using Infocentre.Warehouse;
using Infocentre.Warehouse.Loads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Infocentre.Api.Features.Loads;

/// <summary>
/// POST /api/loads (multipart upload of one extract), GET /api/loads and GET /api/loads/{id}: loading Chorus
/// extracts over HTTP, for the loader and admin roles. The load itself is <see cref="ExtractLoader"/>.
/// </summary>
public static class LoadEndpoints
{
    public static IServiceCollection AddLoads(this IServiceCollection services)
    {
        services.AddOptions<LoadOptions>().BindConfiguration("Loading")
            .Validate(o => o.MaxRejectionRate is >= 0 and <= 1, "Loading:MaxRejectionRate must be between 0 and 1.")
            .Validate(o => o.MaxStoredFindings is >= 0 and <= 100_000, "Loading:MaxStoredFindings must be between 0 and 100000.")
            .ValidateOnStart();
        return services;
    }

    public static void MapLoadEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/loads").RequireAuthorization(Policies.Load).WithTags("Loads");
        // Bearer tokens and API keys only, no cookies: there is no cross-site request to forge.
        group.MapPost("/", Upload).DisableAntiforgery().WithName("LoadExtract")
            .WithSummary("Load one Chorus extract (INF-BUD-53 or INF-CGE-03 CSV, Data.Subvention XLSX or a referential CSV), atomically; loader or admin.")
            .Accepts<IFormFile>("multipart/form-data");
        group.MapGet("/", List).WithName("ListLoads").WithSummary("The loads, newest first: file, SHA-256, kind, times, counts, control totals, status.");
        group.MapGet("/{id:long}", Get).WithName("GetLoad").WithSummary("One load with its rejections and data-quality findings.");
    }

    private static async Task<Results<Created<LoadView>, ProblemHttpResult>> Upload(
        IFormFile? file, HttpContext http, IOptions<WarehouseOptions> warehouse, IOptions<LoadOptions> options,
        FreshnessCache freshness, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No extract",
                detail: "Send the extract as a multipart/form-data part named 'file'.");
        }

        var name = Path.GetFileName(file.FileName);
        var extension = Path.GetExtension(name);
        var path = Path.Combine(Path.GetTempPath(), "infocentre-upload-" + Guid.NewGuid().ToString("N") + (extension.Length is > 0 and <= 8 ? extension : ".csv"));
        try
        {
            await using (var target = File.Create(path))
            {
                await file.CopyToAsync(target, cancellationToken);
            }

            // A context of its own: the request's applies the caller's perimeter, a load works on the whole warehouse.
            await using var db = WarehouseDatabase.CreateContext(warehouse.Value);
            var loader = new ExtractLoader(db, options.Value);
            var result = await loader.LoadAsync(path, name, http.User.Identity?.Name ?? "unknown", cancellationToken);
            freshness.Invalidate();
            var run = await db.LoadRuns.AsNoTracking().SingleAsync(r => r.Id == result.LoadId, cancellationToken);
            var findings = await Findings(db, run.Id, cancellationToken);
            return TypedResults.Created($"/api/loads/{run.Id}", LoadView.From(run, findings));
        }
        catch (LoadFailedException e)
        {
            var refused = e.Result.Status == LoadRunStatus.Refused || e.Line is null;
            return TypedResults.Problem(
                statusCode: refused ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest,
                title: e.Result.Status == LoadRunStatus.Refused ? "Extract refused" : "Extract not loaded",
                detail: e.Message,
                extensions: new Dictionary<string, object?>
                {
                    ["loadId"] = e.Result.LoadId,
                    ["line"] = e.Line,
                    ["column"] = e.Column,
                    ["rowsRead"] = e.Result.RowsRead,
                    ["rowsRejected"] = e.Result.RowsRejected,
                    ["rejections"] = e.Result.Findings.Take(20).Select(f => new { code = f.Rule.Code, line = f.Line, column = f.Column, value = f.Value, message = f.Message }),
                });
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<Results<Ok<List<LoadView>>, ProblemHttpResult>> List(
        WarehouseDbContext db, CancellationToken cancellationToken, int top = 100)
    {
        if (top is < 1 or > 1000)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid top", detail: "top must be between 1 and 1000.");
        }

        var runs = await db.LoadRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(top).ToListAsync(cancellationToken);
        return TypedResults.Ok(runs.Select(r => LoadView.From(r, null)).ToList());
    }

    private static async Task<Results<Ok<LoadView>, ProblemHttpResult>> Get(long id, WarehouseDbContext db, CancellationToken cancellationToken)
    {
        var run = await db.LoadRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return run is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown load", detail: $"There is no load {id}.")
            : TypedResults.Ok(LoadView.From(run, await Findings(db, id, cancellationToken)));
    }

    private static Task<List<LoadFinding>> Findings(WarehouseDbContext db, long id, CancellationToken cancellationToken) =>
        db.LoadFindings.AsNoTracking().Where(f => f.LoadRunId == id).OrderBy(f => f.Id).ToListAsync(cancellationToken);
}
