using System.Text.Json;
using Infocentre.Api.Features.Freshness;
using Infocentre.Api.Features.Reports.OData;
using Infocentre.Reports;
using Infocentre.Reports.Compilation;
using Infocentre.Reports.Parameters;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.OData;

namespace Infocentre.Api.Features.Reports.Rest;

/// <summary>/api/reports: the catalogue, one definition, its rows and lists of values, as plain JSON.</summary>
public static class ReportEndpoints
{
    /// <summary>Query keys of the rows endpoint that are not report parameters.</summary>
    private static readonly HashSet<string> QueryKeys = new(StringComparer.Ordinal) { "filter", "orderby", "top", "skip", "count" };

    /// <summary>Rows keep the column names of the OData entity type (PascalCase), so both forms match.</summary>
    private static readonly JsonSerializerOptions RowJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = null };

    public static void MapReportEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports");
        group.MapGet("/", List).WithName("ListReports").WithSummary("The report catalogue, filterable by domain and text.");
        group.MapGet("/{code}", Describe).WithName("DescribeReport").WithSummary("One report: parameters, columns, default order.");
        group.MapGet("/{code}/rows", Rows).WithName("ReportRows")
            .WithSummary("A page of a report's rows. Report parameters are query parameters; filter and orderby use OData syntax.");
        group.MapGet("/{code}/parameters/{parameter}/values", Values).WithName("ParameterValues")
            .WithSummary("Accepted values of a parameter (list of values).");
    }

    private static Ok<List<ReportSummary>> List(ReportCatalogue catalogue, HttpContext http, string? domain = null, string? q = null) =>
        TypedResults.Ok(catalogue.Reports
            .Where(r => ReportAccess.Allows(http.User, r.Definition.Roles))
            .Where(r => domain is null || string.Equals(r.Definition.Domain, domain, StringComparison.OrdinalIgnoreCase))
            .Where(r => q is null || Matches(r, q))
            .Select(ReportSummary.From)
            .ToList());

    private static bool Matches(CompiledReport report, string text) =>
        report.Definition.Code.Contains(text, StringComparison.OrdinalIgnoreCase)
        || report.Definition.Title.Contains(text, StringComparison.CurrentCultureIgnoreCase)
        || report.Definition.Description.Contains(text, StringComparison.CurrentCultureIgnoreCase);

    private static Results<Ok<ReportSummary>, ProblemHttpResult> Describe(ReportCatalogue catalogue, HttpContext http, string code) =>
        catalogue.FindByCode(code) is not { } report ? UnknownReport(code)
        : !ReportAccess.Allows(http.User, report.Definition.Roles) ? Forbidden(report)
        : TypedResults.Ok(ReportSummary.From(report));

    private static async Task<IResult> Rows(
        string code, HttpContext http, ReportRunner runner, FreshnessCache freshness, IOptions<ODataLimits> limits,
        string? filter = null, string? orderby = null, int? top = null, int? skip = null, bool count = false)
    {
        var cancellationToken = http.RequestAborted;
        if (runner.Catalogue.FindByCode(code) is not { } report)
        {
            return UnknownReport(code);
        }

        if (!ReportAccess.Allows(http.User, report.Definition.Roles))
        {
            return Forbidden(report);
        }

        var pageSize = top ?? limits.Value.PageSize;
        if (pageSize < 0 || pageSize > limits.Value.MaxTop || skip is < 0 || skip > limits.Value.MaxSkip)
        {
            return BadRequest("top/skip", $"top must be between 0 and {limits.Value.MaxTop} (OData:MaxTop) and skip between 0 and {limits.Value.MaxSkip} (OData:MaxSkip).");
        }

        var target = runner.FindTarget(report.Definition.EntitySet)!;
        var parameters = http.Request.Query.Where(p => !QueryKeys.Contains(p.Key))
            .Select(p => KeyValuePair.Create(p.Key, p.Value.Select(v => v ?? "").ToArray()));
        var prepared = await runner.PrepareAsync(target, parameters, cancellationToken);
        if (prepared.Query is not { } query)
        {
            return ParameterProblem(report, prepared.Errors);
        }

        try
        {
            query = QueryComposer.FilterAndOrder(query, runner.Catalogue.Model, report, filter, orderby, ODataValidation.Settings(limits.Value));
        }
        catch (Exception e) when (QueryErrors.IsClientError(e))
        {
            return BadRequest(string.IsNullOrWhiteSpace(filter) ? "orderby" : "filter/orderby", QueryErrors.Message(e));
        }

        long? total;
        List<object> rows;
        try
        {
            total = count ? await QueryExecution.CountAsync(query, cancellationToken) : null;
            rows = await QueryExecution.ToListAsync(QueryComposer.Page(query, skip ?? 0, pageSize + 1), cancellationToken);
        }
        catch (Exception e) when (QueryErrors.IsClientError(e))
        {
            return BadRequest("filter/orderby", QueryErrors.Message(e));
        }
        string? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveRange(pageSize, rows.Count - pageSize);
            // top=0 asks for the count only: there is no next page to point to.
            next = pageSize > 0 ? NextLink(http.Request, (skip ?? 0) + pageSize, pageSize) : null;
        }

        http.Items[Audit.AuditTrail.RowsItem] = (long?)rows.Count;
        var lastLoaded = await freshness.LastLoadedAsync(report.Definition.Domain, cancellationToken);
        if (lastLoaded is { } stamp)
        {
            http.Response.Headers[FreshnessCache.HeaderName] = stamp.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.Json(new RowsPage(report.Definition.Code, prepared.Parameters!.Values, lastLoaded, rows, total, next), RowJson);
    }

    private static async Task<IResult> Values(
        string code, string parameter, HttpContext http, ReportRunner runner, IOptions<ODataLimits> limits, CancellationToken cancellationToken)
    {
        if (runner.Catalogue.FindByCode(code) is not { } report)
        {
            return UnknownReport(code);
        }

        if (!ReportAccess.Allows(http.User, report.Definition.Roles))
        {
            return Forbidden(report);
        }

        var declared = report.Definition.Parameters.FirstOrDefault(p => string.Equals(p.Name, parameter, StringComparison.Ordinal));
        if (declared is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown parameter",
                detail: $"Report {report.Definition.Code} has no parameter '{parameter}'.");
        }

        if (declared.Values.Count > 0 || declared.ValuesFrom is null)
        {
            return TypedResults.Ok(new ValuesList(report.Definition.Code, declared.Name, declared.Values.Cast<object?>().ToList(), false));
        }

        var values = await runner.DistinctValuesAsync(report, declared.ValuesFrom, limits.Value.PageSize + 1, cancellationToken);
        var truncated = values.Count > limits.Value.PageSize;
        return TypedResults.Ok(new ValuesList(report.Definition.Code, declared.Name, truncated ? values.Take(limits.Value.PageSize).ToList() : values, truncated));
    }

    private static ProblemHttpResult UnknownReport(string code) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown report",
            detail: $"No report has the code '{code}'. GET /api/reports lists them.");

    private static ProblemHttpResult Forbidden(CompiledReport report) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Restricted report",
            detail: ReportAccess.Refusal(report.Definition.Code, report.Definition.Roles));

    private static ProblemHttpResult BadRequest(string field, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Invalid {field}", detail: detail);

    private static ProblemHttpResult ParameterProblem(CompiledReport report, IReadOnlyList<ParameterError> errors) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid report parameters",
            Detail = string.Join(" ", errors.Select(e => e.ToString() + ".")),
            Extensions = { ["report"] = report.Definition.Code, ["errors"] = errors.ToDictionary(e => e.Parameter, e => e.Message) },
        });

    private static string NextLink(HttpRequest request, int skip, int top)
    {
        var query = request.Query.Where(p => p.Key is not ("skip" or "top"))
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)))
            .Append(KeyValuePair.Create("top", (string?)top.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(KeyValuePair.Create("skip", (string?)skip.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return request.PathBase + request.Path + QueryString.Create(query);
    }
}
