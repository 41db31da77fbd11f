using System.Linq.Expressions;
using Infocentre.Reports.Definitions;
using Infocentre.Reports.Parameters;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Query.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Infocentre.Reports.Compilation;

/// <summary>
/// A validated definition turned into a row type and a query builder: fixed filter bound by the OData library
/// over the source, then one GROUP BY (or, without dimensions, one row of scalar aggregates).
/// </summary>
public sealed class CompiledReport
{
    private static readonly ReportFilterBinder FilterBinder = new();

    private readonly AggregateQuery _aggregate;

    internal CompiledReport(
        ReportDefinition definition, SourceInfo source, Type rowType, IReadOnlyList<ReportColumn> columns,
        IReadOnlyList<string> keyProperties, AggregateQuery aggregate)
    {
        Definition = definition;
        Source = source;
        RowType = rowType;
        Columns = columns;
        KeyProperties = keyProperties;
        _aggregate = aggregate;
    }

    public ReportDefinition Definition { get; }

    public SourceInfo Source { get; }

    /// <summary>The emitted row type, also the OData entity type of the report's entity set.</summary>
    public Type RowType { get; }

    public IReadOnlyList<ReportColumn> Columns { get; }

    /// <summary>The OData key: the dimensions, or a constant "Ligne" for a report without dimensions.</summary>
    public IReadOnlyList<string> KeyProperties { get; }

    /// <summary>The default order as an OData $orderby value, or null.</summary>
    public string? DefaultOrderBy => Definition.OrderBy.Count == 0 ? null : string.Join(",", Definition.OrderBy);

    /// <summary>
    /// The report's rows for these parameters, as a query EF Core will translate to one SQL statement.
    /// <paramref name="restrict"/> narrows the source first (the caller's perimeter).
    /// </summary>
    public IQueryable CreateQuery(DbContext db, IEdmModel model, BoundParameters parameters, Func<IQueryable, IQueryable>? restrict = null)
    {
        var source = SourceQuery(db, Source.ClrType);
        if (restrict is not null)
        {
            source = restrict(source);
        }

        if (!string.IsNullOrWhiteSpace(Definition.Filter))
        {
            var (filter, binderContext) = ParseCondition(Definition.Filter, model, parameters);
            source = FilterBinder.ApplyBind(source, filter, binderContext);
        }

        return _aggregate(db, source, condition => BindCondition(condition, model, parameters));
    }

    /// <summary>A measure's 'where' (or any condition over the source) as a lambda, bound like the fixed filter.</summary>
    public LambdaExpression BindCondition(string condition, IEdmModel model, BoundParameters parameters)
    {
        var (filter, binderContext) = ParseCondition(condition, model, parameters);
        return (LambdaExpression)FilterBinder.BindFilter(filter, binderContext);
    }

    private (FilterClause Filter, QueryBinderContext Context) ParseCondition(string condition, IEdmModel model, BoundParameters parameters)
    {
        var entitySet = model.EntityContainer.FindEntitySet(Definition.Source)
            ?? throw new InvalidOperationException($"Source {Definition.Source} is not in the OData model.");
        var options = new Dictionary<string, string>(StringComparer.Ordinal) { ["$filter"] = condition };
        foreach (var declared in Definition.Parameters)
        {
            // An absent alias binds as null, which is how "(@p eq null or X le @p)" makes a parameter optional
            // (see ReportFilterBinder for the comparisons).
            if (parameters[declared.Name] is { } value)
            {
                options["@" + declared.Name] = ParameterType.ToODataLiteral(value);
            }
        }

        var parser = new ODataQueryOptionParser(model, entitySet.EntityType, entitySet, options);
        var context = new ODataQueryContext(model, Source.ClrType, new ODataPath(new EntitySetSegment(entitySet)));
        var filter = new FilterQueryOption(condition, context, parser);
        var settings = new ODataQuerySettings { HandleNullPropagation = HandleNullPropagationOption.False };
        return (filter.FilterClause, new QueryBinderContext(model, settings, Source.ClrType));
    }

    public static IQueryable SourceQuery(DbContext db, Type entityType)
    {
        var set = (IQueryable)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
            .MakeGenericMethod(entityType).Invoke(db, null)!;
        var noTracking = typeof(EntityFrameworkQueryableExtensions).GetMethod(nameof(EntityFrameworkQueryableExtensions.AsNoTracking))!
            .MakeGenericMethod(entityType);
        return set.Provider.CreateQuery(Expression.Call(noTracking, set.Expression));
    }
}
