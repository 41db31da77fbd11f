using System.Linq.Expressions;
using Infocentre.Reports.Compilation;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.AspNetCore.OData.Query.Validator;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Infocentre.Api.Features.Reports.Rest;

/// <summary>
/// The REST form of a report query: filter and orderby in OData syntax, bound by the same library as the OData
/// route, then skip/top; always a stable order (requested or default order, then the key).
/// </summary>
internal static class QueryComposer
{
    private static readonly ReportFilterBinder Binder = new();

    /// <exception cref="ODataException">The filter or order is invalid, or exceeds a limit.</exception>
    public static IQueryable FilterAndOrder(
        IQueryable query, IEdmModel model, CompiledReport report, string? filter, string? orderBy, ODataValidationSettings limits)
    {
        var entitySet = model.EntityContainer.FindEntitySet(report.Definition.EntitySet);
        var order = StableOrder(string.IsNullOrWhiteSpace(orderBy) ? report.DefaultOrderBy : orderBy, report.KeyProperties);
        var options = new Dictionary<string, string>(StringComparer.Ordinal) { ["$orderby"] = order };
        if (!string.IsNullOrWhiteSpace(filter))
        {
            options["$filter"] = filter;
        }

        var parser = new ODataQueryOptionParser(model, entitySet.EntityType, entitySet, options);
        var context = new ODataQueryContext(model, report.RowType, new ODataPath(new EntitySetSegment(entitySet)));
        var settings = new ODataQuerySettings { HandleNullPropagation = HandleNullPropagationOption.False };
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var filterOption = new FilterQueryOption(filter, context, parser);
            filterOption.Validate(limits);
            query = Binder.ApplyBind(query, filterOption.FilterClause, new QueryBinderContext(model, settings, report.RowType));
        }

        var orderOption = new OrderByQueryOption(order, context, parser);
        orderOption.Validate(limits);
        return orderOption.ApplyTo(query, settings);
    }

    private static string StableOrder(string? requested, IReadOnlyList<string> keys)
    {
        var items = string.IsNullOrWhiteSpace(requested) ? [] : requested.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var named = items.Select(i => i.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]).ToHashSet(StringComparer.Ordinal);
        items.AddRange(keys.Where(k => !named.Contains(k)));
        return string.Join(",", items);
    }

    public static IQueryable Page(IQueryable query, int skip, int take) =>
        query.Provider.CreateQuery(Expression.Call(typeof(Queryable), nameof(Queryable.Take), [query.ElementType],
            Expression.Call(typeof(Queryable), nameof(Queryable.Skip), [query.ElementType], query.Expression, Expression.Constant(skip)),
            Expression.Constant(take)));
}
