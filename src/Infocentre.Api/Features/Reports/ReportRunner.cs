using System.Linq.Expressions;
using Infocentre.Reports;
using Infocentre.Reports.Compilation;
using Infocentre.Reports.Definitions;
using Infocentre.Reports.Parameters;
using Infocentre.Warehouse;

namespace Infocentre.Api.Features.Reports;

/// <summary>What a request asks for: a report (with parameters) or a self-service source.</summary>
/// <param name="Roles">Roles of which the caller needs one (see <see cref="ReportAccess"/>); empty for every reader.</param>
public sealed record ReportTarget(string Name, Type ElementType, string? Domain, CompiledReport? Report, IReadOnlyList<string> Roles);

/// <summary>The query to run, with the parameters it was bound with; or the errors to report as a 400.</summary>
public sealed record PreparedQuery(IQueryable? Query, BoundParameters? Parameters, IReadOnlyList<ParameterError> Errors);

/// <summary>Prepares the query of a report or source for OData and REST alike, so both serve the same rows.</summary>
public sealed class ReportRunner(ReportCatalogue catalogue, WarehouseDbContext db, LatestExercice latest)
{
    public ReportCatalogue Catalogue => catalogue;

    public ReportTarget? FindTarget(string entitySet)
    {
        if (catalogue.FindByEntitySet(entitySet) is { } report)
        {
            return new ReportTarget(entitySet, report.RowType, report.Definition.Domain, report, report.Definition.Roles);
        }

        return ReportSources.TryGet(entitySet, out var source)
            ? new ReportTarget(entitySet, source.ClrType, source.Domain, null, source.Roles ?? [])
            : null;
    }

    /// <summary>The target's rows for the given parameters, or the parameter errors to report as a 400.</summary>
    public async Task<PreparedQuery> PrepareAsync(
        ReportTarget target, IEnumerable<KeyValuePair<string, string[]>> parameters, CancellationToken cancellationToken)
    {
        if (target.Report is null)
        {
            var unexpected = parameters.Select(p => new ParameterError(p.Key, $"unknown parameter: {target.Name} takes none (use $filter)")).ToList();
            return unexpected.Count > 0
                ? new PreparedQuery(null, null, unexpected)
                : new PreparedQuery(CompiledReport.SourceQuery(db, target.ElementType), null, unexpected);
        }

        var (bound, errors) = await ParameterBinder.BindAsync(target.Report, parameters, latest.GetAsync, cancellationToken);
        return bound is null
            ? new PreparedQuery(null, null, errors)
            : new PreparedQuery(target.Report.CreateQuery(db, catalogue.Model, bound), bound, errors);
    }

    /// <summary>Distinct values of a source column, in order: the list of values of a parameter.</summary>
    public async Task<List<object?>> DistinctValuesAsync(CompiledReport report, string property, int limit, CancellationToken cancellationToken)
    {
        var source = CompiledReport.SourceQuery(db, report.Source.ClrType);
        var x = Expression.Parameter(report.Source.ClrType, "x");
        var column = Expression.Property(x, property);
        var values = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [x.Type, column.Type], source.Expression, Expression.Quote(Expression.Lambda(column, x)));
        var distinct = Expression.Call(typeof(Queryable), nameof(Queryable.Distinct), [column.Type], values);
        var v = Expression.Parameter(column.Type, "v");
        var ordered = Expression.Call(typeof(Queryable), nameof(Queryable.OrderBy), [column.Type, column.Type], distinct, Expression.Quote(Expression.Lambda(v, v)));
        var limited = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [column.Type], ordered, Expression.Constant(limit));
        var rows = await QueryExecution.ToListAsync(source.Provider.CreateQuery(limited), cancellationToken);
        return rows.Cast<object?>().ToList();
    }
}
