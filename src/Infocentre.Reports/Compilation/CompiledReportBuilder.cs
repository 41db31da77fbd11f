using System.Linq.Expressions;
using System.Reflection;
using Infocentre.Reports.Definitions;
using Infocentre.Warehouse.ReportingViews;
using Infocentre.Warehouse.Schema;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Reports.Compilation;

/// <summary>Aggregates the filtered source; the callback binds a measure's 'where' condition.</summary>
internal delegate IQueryable AggregateQuery(DbContext db, IQueryable filtered, Func<string, LambdaExpression> condition);

/// <summary>Turns validated definitions into row types and LINQ aggregations EF Core translates to one statement.</summary>

internal sealed class CompiledReportBuilder
{
    /// <summary>Key of a report without dimensions: always 1.</summary>
    public const string ConstantKey = "Ligne";

    /// <summary>Chorus exports show "#" for a code that is not assigned.</summary>
    public const string NotAssigned = "#";

    private readonly RowTypeEmitter _emitter = new();

    public CompiledReport Build(ReportDefinition d)
    {
        var source = ReportSources.All[d.Source];
        var columns = new List<ReportColumn>();
        var properties = new List<(string Name, Type Type)>();
        if (d.Dimensions.Count == 0)
        {
            properties.Add((ConstantKey, typeof(int)));
        }

        foreach (var dim in d.Dimensions)
        {
            var sourceType = ReportValidator.SourceProperty(source, dim.Property)!.PropertyType;
            var type = Nullable.GetUnderlyingType(sourceType) ?? sourceType;
            properties.Add((dim.Name, type));
            columns.Add(new ReportColumn(dim.Name, dim.Label, dim.Description, dim.Format, ColumnKind.Dimension, type));
        }

        foreach (var m in d.Measures)
        {
            var type = MeasureType(source.ClrType, m);
            properties.Add((m.Name, type));
            columns.Add(new ReportColumn(m.Name, m.Label, m.Description, m.Format, ColumnKind.Measure, type));
        }

        var keyCount = Math.Max(1, d.Dimensions.Count);
        var rowType = _emitter.Emit(d.EntitySet, properties, keyCount);
        var keys = properties.Take(keyCount).Select(p => p.Name).ToList();
        AggregateQuery aggregate = d.Dimensions.Count == 0
            ? (db, filtered, condition) => SingleRow(db, filtered, d, source.ClrType, rowType, condition)
            : (_, filtered, condition) => GroupBy(filtered, d, source.ClrType, rowType, condition);
        return new CompiledReport(d, source, rowType, columns, keys, aggregate);
    }

    private static Type MeasureType(Type sourceType, MeasureDefinition m)
    {
        if (m.Formula is not null)
        {
            return typeof(decimal?);
        }

        if (m.Aggregate is "count" or "countdistinct" or "rank")
        {
            return typeof(long);
        }

        if (m.Aggregate is "share")
        {
            return typeof(decimal?);
        }

        var property = sourceType.GetProperty(m.Property!)!.PropertyType;
        var underlying = Nullable.GetUnderlyingType(property) ?? property;
        return m.Aggregate switch
        {
            "sum" when underlying == typeof(decimal) => property,
            "sum" => typeof(long),
            "average" => typeof(decimal?),
            _ => underlying.IsValueType ? typeof(Nullable<>).MakeGenericType(underlying) : property,
        };
    }

    /// <summary>source.GroupBy(x => new Row { dims }).Select(g => new Row { dims = g.Key.*, measures = aggregates over g }).</summary>
    private static IQueryable GroupBy(IQueryable source, ReportDefinition d, Type sourceType, Type rowType, Func<string, LambdaExpression> condition)
    {
        var x = Expression.Parameter(sourceType, "x");
        var key = Expression.MemberInit(Expression.New(rowType),
            d.Dimensions.Select(dim => Expression.Bind(rowType.GetProperty(dim.Name)!, KeyValue(Expression.Property(x, dim.Property)))));
        var groupBy = Expression.Call(typeof(Queryable), nameof(Queryable.GroupBy), [sourceType, rowType],
            source.Expression, Expression.Quote(Expression.Lambda(key, x)));

        var groupingType = typeof(IGrouping<,>).MakeGenericType(rowType, sourceType);
        Expression Select(ReportTotals? totals)
        {
            var g = Expression.Parameter(groupingType, "g");
            var bindings = d.Dimensions
                .Select(dim => Expression.Bind(rowType.GetProperty(dim.Name)!, Expression.Property(Expression.Property(g, "Key"), dim.Name)))
                .Concat(Measures(d, sourceType, rowType, g, condition, totals));
            return Expression.Call(typeof(Queryable), nameof(Queryable.Select), [groupingType, rowType],
                groupBy, Expression.Quote(Expression.Lambda(Expression.MemberInit(Expression.New(rowType), bindings), g)));
        }

        if (!d.Measures.Any(ReportValidator.IsRowMeasure))
        {
            return source.Provider.CreateQuery(Select(null));
        }

        var query = source.Provider.CreateQuery(Select(new ReportTotals(source.Expression, d, sourceType, rowType, condition)));
        if (!d.Measures.Any(m => ReportValidator.IsRowMeasure(m) && m.Aggregate == "rank"))
        {
            return query;
        }

        // RANK() OVER must be computed before a caller's $filter or $apply: a row limit that never binds makes
        // EF Core push the report into a subquery when anything is composed on top.
        var take = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [rowType], query.Expression, Expression.Constant(int.MaxValue));
        return source.Provider.CreateQuery(take);
    }

    /// <summary>
    /// The totals shares divide by. A share's measure is additive (validated), so its total over the report's rows
    /// is the same measure over the whole filtered source (same fixed filter and perimeter): one ungrouped pass,
    /// not a second grouping of the report. Null when zero, so the share is one division written once: a
    /// "total is not zero" test would repeat the subquery, and SQLite runs each copy.
    /// </summary>
    private sealed record ReportTotals(Expression Filtered, ReportDefinition Definition, Type SourceType, Type RowType,
        Func<string, LambdaExpression> Condition)
    {
        public BinaryExpression Share(Expression value, string measure) =>
            Expression.Divide(ToNullableDecimal(value), Total(measure));

        private MethodCallExpression Total(string measure)
        {
            var x = Expression.Parameter(SourceType, "x");
            var whole = Expression.Call(typeof(Queryable), nameof(Queryable.GroupBy), [SourceType, typeof(int)],
                Filtered, Expression.Quote(Expression.Lambda(Expression.Constant(1), x)));
            var groupingType = typeof(IGrouping<,>).MakeGenericType(typeof(int), SourceType);
            var t = Expression.Parameter(groupingType, "t");
            var total = ToNullableDecimal(Measures(Definition, SourceType, RowType, t, Condition, totals: null)
                .OfType<MemberAssignment>().Single(b => b.Member.Name == measure).Expression);
            var zero = Expression.Constant(0m, typeof(decimal?));
            var nonZero = Expression.OrElse(Expression.GreaterThan(total, zero), Expression.LessThan(total, zero));
            var totalOrNull = Expression.Condition(nonZero, total, Expression.Constant(null, typeof(decimal?)));
            var select = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [groupingType, typeof(decimal?)],
                whole, Expression.Quote(Expression.Lambda(totalOrNull, t)));
            return Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(decimal?)], select);
        }
    }

    /// <summary>
    /// OData keys cannot be null: a missing code becomes "#", Chorus's own mark for "non affecté", and a missing
    /// number its default.
    /// </summary>
    private static Expression KeyValue(MemberExpression value) =>
        value.Type == typeof(string) ? Expression.Coalesce(value, Expression.Constant(NotAssigned))
        : Nullable.GetUnderlyingType(value.Type) is { } underlying ? Expression.Coalesce(value, Expression.Default(underlying))
        : value;

    /// <summary>
    /// One row of totals whatever the data: the aggregates of the filtered source (one GROUP BY on a constant)
    /// LEFT JOINed to a one-row view, so an empty source still gives one row, of zeros, in one statement.
    /// Formulas are computed on the joined totals, so they too see zeros rather than nothing.
    /// </summary>
    private static IQueryable SingleRow(DbContext db, IQueryable filtered, ReportDefinition d, Type sourceType, Type rowType, Func<string, LambdaExpression> condition)
    {
        var x = Expression.Parameter(sourceType, "x");
        var grouped = Expression.Call(typeof(Queryable), nameof(Queryable.GroupBy), [sourceType, typeof(int)],
            filtered.Expression, Expression.Quote(Expression.Lambda(Expression.Constant(1), x)));
        var groupingType = typeof(IGrouping<,>).MakeGenericType(typeof(int), sourceType);
        var g = Expression.Parameter(groupingType, "g");
        var aggregates = d.Measures.Where(m => m.Formula is null && !ReportValidator.IsRowMeasure(m)).ToList();
        var innerBindings = aggregates.Select(m =>
        {
            var property = rowType.GetProperty(m.Name)!;
            var aggregate = Aggregate(m, sourceType, property.PropertyType, g, condition);
            return (MemberBinding)Expression.Bind(property, aggregate.Type == property.PropertyType ? aggregate : Expression.Convert(aggregate, property.PropertyType));
        });
        var totals = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [groupingType, rowType],
            grouped, Expression.Quote(Expression.Lambda(Expression.MemberInit(Expression.New(rowType), innerBindings), g)));

        var one = CompiledReport.SourceQuery(db, typeof(OneRow));
        var o = Expression.Parameter(typeof(OneRow), "o");
        var r = Expression.Parameter(rowType, "r");
        var collection = Expression.Lambda(
            typeof(Func<,>).MakeGenericType(typeof(OneRow), typeof(IEnumerable<>).MakeGenericType(rowType)),
            Expression.Call(typeof(Queryable), nameof(Queryable.DefaultIfEmpty), [rowType], totals),
            o);
        var outer = new Dictionary<string, Expression>(StringComparer.Ordinal);
        var bindings = new List<MemberBinding> { Expression.Bind(rowType.GetProperty(ConstantKey)!, Expression.Constant(1)) };
        foreach (var m in d.Measures)
        {
            var property = rowType.GetProperty(m.Name)!;
            Expression value;
            if (m.Formula is not null)
            {
                value = MeasureFormula.Compile(m.Formula, name => outer[name]);
            }
            else if (m.Aggregate == "share")
            {
                // The single row is the whole report: its share is 1, or null when the total is 0.
                value = MeasureFormula.SafeDivide(outer[m.Of!], outer[m.Of!]);
            }
            else if (m.Aggregate == "rank")
            {
                value = Expression.Constant(1L);
            }
            else
            {
                // A column of the LEFT JOINed totals is NULL on empty data: sums and counts become zero.
                var total = Expression.Property(r, property);
                value = property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null
                    ? Expression.Coalesce(Expression.Convert(total, typeof(Nullable<>).MakeGenericType(property.PropertyType)), Expression.Default(property.PropertyType))
                    : total;
            }

            outer[m.Name] = value;
            bindings.Add(Expression.Bind(property, value.Type == property.PropertyType ? value : Expression.Convert(value, property.PropertyType)));
        }

        var result = Expression.Lambda(Expression.MemberInit(Expression.New(rowType), bindings), o, r);
        var select = Expression.Call(typeof(Queryable), nameof(Queryable.SelectMany), [typeof(OneRow), rowType, rowType],
            one.Expression, Expression.Quote(collection), Expression.Quote(result));
        return one.Provider.CreateQuery(select);
    }

    /// <summary>
    /// The measure bindings of one group. Without <paramref name="totals"/>, share and rank measures and the
    /// formulas using them are left out (the measures of a share's total).
    /// </summary>
    private static List<MemberBinding> Measures(ReportDefinition d, Type sourceType, Type rowType, Expression rows,
        Func<string, LambdaExpression> condition, ReportTotals? totals)
    {
        var computed = new Dictionary<string, Expression>(StringComparer.Ordinal);
        var bindings = new List<MemberBinding>();
        foreach (var m in d.Measures)
        {
            var property = rowType.GetProperty(m.Name)!;
            Expression expression;
            if (m.Formula is not null)
            {
                var references = MeasureFormula.References(m.Formula);
                if (!references.All(computed.ContainsKey))
                {
                    continue;
                }

                expression = MeasureFormula.Compile(m.Formula, name => computed[name]);
            }
            else if (ReportValidator.IsRowMeasure(m))
            {
                if (totals is null)
                {
                    continue;
                }

                expression = m.Aggregate == "share"
                    ? totals.Share(computed[m.Of!], m.Of!)
                    : Expression.Call(WindowFunctions.RankDescendingMethod, ToNullableDecimal(computed[m.Of!]));
            }
            else
            {
                expression = Aggregate(m, sourceType, property.PropertyType, rows, condition);
            }

            computed[m.Name] = expression;
            bindings.Add(Expression.Bind(property, expression.Type == property.PropertyType ? expression : Expression.Convert(expression, property.PropertyType)));
        }

        return bindings;
    }

    private static Expression ToNullableDecimal(Expression e) =>
        e.Type == typeof(decimal?) ? e : Expression.Convert(e, typeof(decimal?));

    /// <summary>An aggregate over the group's rows; with 'where', over the rows that match (SUM(CASE WHEN ...)).</summary>
    private static MethodCallExpression Aggregate(MeasureDefinition m, Type sourceType, Type resultType, Expression rows, Func<string, LambdaExpression> condition)
    {
        var host = typeof(Enumerable);
        if (m.Where is not null)
        {
            rows = Expression.Call(host, nameof(Enumerable.Where), [sourceType], rows, condition(m.Where));
        }

        var x = Expression.Parameter(sourceType, "x");
        LambdaExpression Selector(Type type)
        {
            var body = Expression.Property(x, m.Property!);
            return Expression.Lambda(body.Type == type ? body : Expression.Convert(body, type), x);
        }

        switch (m.Aggregate)
        {
            case "count":
                return Expression.Call(host, nameof(Enumerable.LongCount), [sourceType], rows);
            case "countdistinct":
                var propertyType = sourceType.GetProperty(m.Property!)!.PropertyType;
                var values = Expression.Call(host, nameof(Enumerable.Select), [sourceType, propertyType], rows, Selector(propertyType));
                var distinct = Expression.Call(host, nameof(Enumerable.Distinct), [propertyType], values);
                return Expression.Call(host, nameof(Enumerable.LongCount), [propertyType], distinct);
            case "sum":
            case "average":
                var method = m.Aggregate == "sum" ? nameof(Enumerable.Sum) : nameof(Enumerable.Average);
                var sumType = m.Aggregate == "sum" ? resultType : typeof(decimal?);
                return Expression.Call(NumericOverload(host, method, sumType).MakeGenericMethod(sourceType), rows, Selector(sumType));
            default:
                var name = m.Aggregate == "min" ? nameof(Enumerable.Min) : nameof(Enumerable.Max);
                return Expression.Call(host, name, [sourceType, resultType], rows, Selector(resultType));
        }
    }

    /// <summary>Sum/Average overload whose selector returns <paramref name="type"/> (decimal, decimal?, long...).</summary>
    private static MethodInfo NumericOverload(Type host, string name, Type type) =>
        host.GetMethods(BindingFlags.Public | BindingFlags.Static).Single(method =>
        {
            if (method.Name != name || !method.IsGenericMethodDefinition || method.GetParameters().Length != 2)
            {
                return false;
            }

            var selector = method.GetParameters()[1].ParameterType;
            var func = host == typeof(Queryable) ? selector.GetGenericArguments()[0] : selector;
            return func.GetGenericArguments()[1] == type;
        });
}
