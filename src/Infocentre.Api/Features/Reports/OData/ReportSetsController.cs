using Infocentre.Api.Features.Freshness;
using Infocentre.Reports.Parameters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Query.Validator;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.Extensions.Options;
using Microsoft.OData;
using Microsoft.OData.UriParser;

namespace Infocentre.Api.Features.Reports.OData;

/// <summary>Serves every report and self-service source as an OData entity set (see <see cref="ReportEntitySetConvention"/>).</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ReportSetsController(ReportRunner runner, FreshnessCache freshness, IOptions<ODataLimits> limits) : ODataController
{
    public async Task<IActionResult> Get(CancellationToken cancellationToken)
    {
        var feature = HttpContext.ODataFeature();
        if (feature.Path.FirstSegment is not EntitySetSegment segment || runner.FindTarget(segment.EntitySet.Name) is not { } target)
        {
            return NotFound();
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
            var options = new ODataQueryOptions(new ODataQueryContext(runner.Catalogue.Model, target.ElementType, feature.Path), Request);
            options.Validate(ODataValidation.Settings(limits.Value));
            result = options.ApplyTo(query, QuerySettings(limits.Value));
        }
        catch (Exception e) when (QueryErrors.IsClientError(e))
        {
            return BadRequest(Error("InvalidQuery", QueryErrors.Message(e)));
        }

        HttpContext.Items[Audit.AuditTrail.RowsItem] = result is System.Collections.ICollection page ? (long?)page.Count : null;

        await SetFreshnessAsync(target.Domain, cancellationToken);
        return new ObjectResult(result) { DeclaredType = typeof(IQueryable<>).MakeGenericType(target.ElementType) };
    }

    private async Task SetFreshnessAsync(string? domain, CancellationToken cancellationToken)
    {
        if (await freshness.LastLoadedAsync(domain, cancellationToken) is { } last)
        {
            Response.Headers[FreshnessCache.HeaderName] = last.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

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
}
