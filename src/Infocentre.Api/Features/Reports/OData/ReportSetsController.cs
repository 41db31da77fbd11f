using Infocentre.Api.Features.Freshness;
using Infocentre.Reports.Parameters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.Extensions.Options;
using Microsoft.OData;
using Microsoft.OData.UriParser;

namespace Infocentre.Api.Features.Reports.OData;

/// <summary>Serves every report and self-service source as an OData entity set (see <see cref="ReportEntitySetConvention"/>).</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed partial class ReportSetsController(
    ReportRunner runner, FreshnessCache freshness, IOptions<ODataLimits> limits, ILogger<ReportSetsController> logger) : ODataController
{
    public async Task<IActionResult> Get(CancellationToken cancellationToken)
    {
        var feature = HttpContext.ODataFeature();
        if (feature.Path.FirstSegment is not EntitySetSegment segment || runner.FindTarget(segment.EntitySet.Name) is not { } target)
        {
            return NotFound();
        }

        if (!ReportAccess.Allows(User, target.Roles))
        {
            return new ObjectResult(Error("Forbidden", ReportAccess.Refusal(target.Name, target.Roles))) { StatusCode = StatusCodes.Status403Forbidden };
        }

        var parameters = Request.Query
            .Where(q => !q.Key.StartsWith('$') && !q.Key.StartsWith('@'))
            .Select(q => KeyValuePair.Create(q.Key, q.Value.Select(v => v ?? "").ToArray()));
        var prepared = await runner.PrepareAsync(target, parameters, cancellationToken);
        if (prepared.Query is not { } query)
        {
            return BadRequest(Error("InvalidParameter", $"Invalid parameters for {target.Name}.", prepared.Errors));
        }

        if (target.Report?.DefaultOrderBy is { } order && !Request.Query.ContainsKey("$orderby") && !Request.Query.ContainsKey("$apply"))
        {
            // The definition's order applies unless the client asks for its own.
            Request.QueryString = Request.QueryString.Add("$orderby", order);
        }

        IQueryable result;
        try
        {
            // The route's services (ODataRouteServices) supply the binder and validators used here.
            var options = new ODataQueryOptions(new ODataQueryContext(runner.Catalogue.Model, target.ElementType, feature.Path), Request);
            options.Validate(ODataValidation.Settings(limits.Value));
            // With a page size, ApplyTo already reads the page from the database.
            result = options.ApplyTo(query, QuerySettings(limits.Value));
            // So does $count, here rather than while the response is written: a failure can still become a 4xx.
            if (feature.TotalCount is null && feature.TotalCountFunc is { } count)
            {
                feature.TotalCount = count();
            }
        }
        catch (Exception e) when (ODataErrors.ForQueryFailure(e) is { } refusal)
        {
            // A refusal the library did not phrase itself may hide a defect: worth a warning with its stack trace.
            if (ODataErrors.Unwrap(e) is ODataException failure)
            {
                LogRefused(logger, target.Name, failure.Message);
            }
            else
            {
                LogUnexpectedRefusal(logger, e, target.Name);
            }

            return refusal;
        }

        HttpContext.Items[Audit.AuditTrail.RowsItem] = RowCount(result);

        await SetFreshnessAsync(target.Domain, cancellationToken);
        return new ObjectResult(result) { DeclaredType = typeof(IQueryable<>).MakeGenericType(target.ElementType) };
    }

    private async Task SetFreshnessAsync(string? domain, CancellationToken cancellationToken)
    {
        if (await freshness.LastLoadedAsync(domain, cancellationToken) is { } last)
        {
            Response.Headers[FreshnessCache.HeaderName] = last.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            HttpContext.Items[FreshnessResourceSetSerializer.Item] = last;
        }
    }

    /// <summary>Rows of the page, for the audit trail, without running the query again.</summary>
    private static long? RowCount(IQueryable result) => result switch
    {
        System.Collections.ICollection page => page.Count,
        // With a page size, ApplyTo has read the page into memory (a TruncatedCollection): counting it runs no query.
        _ when result.Provider is EnumerableQuery => ((System.Collections.IEnumerable)result).Cast<object>().LongCount(),
        _ => null,
    };

    private static ODataQuerySettings QuerySettings(ODataLimits limits) => new()
    {
        PageSize = limits.PageSize,
        HandleNullPropagation = HandleNullPropagationOption.False,
        EnsureStableOrdering = true,
    };

    private static ODataError Error(string code, string message, IEnumerable<ParameterError>? details = null) => new()
    {
        Code = code,
        Message = message,
        Details = details?.Select(d => new ODataErrorDetail { Code = "InvalidParameter", Target = d.Parameter, Message = d.Message }).ToList(),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "OData query on {EntitySet} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string entitySet, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OData query on {EntitySet} refused after an unexpected failure")]
    private static partial void LogUnexpectedRefusal(ILogger logger, Exception exception, string entitySet);
}
