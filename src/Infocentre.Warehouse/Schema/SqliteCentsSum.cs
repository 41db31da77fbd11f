using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Infocentre.Warehouse.Schema;

/// <summary>
/// On SQLite, EF Core sums decimals with <c>ef_sum</c>, a .NET aggregate called once per row: on the demo warehouse
/// it was two thirds of a report's CPU time. Amounts are decimal(18,2), so their sum is computed natively and
/// exactly as an integer number of cents, <c>SUM(CAST(ROUND(CAST(x AS REAL) * 100.0) AS INTEGER))</c>, and given
/// back as decimal text with two decimals. Exact while a line is below 10^13 and a total below 9·10^13 euros.
/// Every decimal of the warehouse has two decimals (<see cref="WarehouseDbContext"/>'s conventions; SQLite's type
/// mapping does not carry the scale, so it cannot be checked here).
/// </summary>
internal sealed class SqliteCentsSumTranslator(ISqlExpressionFactory sql, IRelationalTypeMappingSource mappings) : IAggregateMethodCallTranslator
{
    public SqlExpression? Translate(MethodInfo method, EnumerableExpression source, IReadOnlyList<SqlExpression> arguments,
        IDiagnosticsLogger<DbLoggerCategory.Query> logger)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(source);
        if (method.DeclaringType != typeof(Queryable) || method.Name != nameof(Queryable.Sum) || source.IsDistinct
            || source.Selector is not SqlExpression selector || selector.Type != typeof(decimal) || selector.TypeMapping is not { } decimalMapping)
        {
            return null;
        }

        if (source.Predicate is { } predicate)
        {
            selector = sql.Case([new CaseWhenClause(predicate, selector)], elseResult: null);
        }

        var real = mappings.FindMapping(typeof(double))!;
        var integer = mappings.FindMapping(typeof(long))!;
        var hundred = sql.Constant(100.0, real);
        var scaled = new SqlBinaryExpression(ExpressionType.Multiply, sql.Convert(selector, typeof(double), real), hundred, typeof(double), real);
        var rounded = sql.Function("round", [scaled], nullable: true, argumentsPropagateNullability: [true], typeof(double), real);
        var cents = sql.Function("SUM", [sql.Convert(rounded, typeof(long), integer)], nullable: true, argumentsPropagateNullability: [false], typeof(long), integer);
        var euros = new SqlBinaryExpression(ExpressionType.Divide, sql.Convert(cents, typeof(double), real), hundred, typeof(double), real);
        var text = sql.Function("printf", [sql.Constant("%.2f", mappings.FindMapping(typeof(string))), euros],
            nullable: true, argumentsPropagateNullability: [false, false], typeof(decimal), decimalMapping);

        // SUM of no row is NULL; printf would make it '0.00'. SQLite computes the repeated SUM once.
        return sql.Case([new CaseWhenClause(sql.IsNotNull(cents), text)], elseResult: null);
    }
}

internal sealed class SqliteCentsSumPlugin(ISqlExpressionFactory sql, IRelationalTypeMappingSource mappings) : IAggregateMethodCallTranslatorPlugin
{
    public IEnumerable<IAggregateMethodCallTranslator> Translators { get; } = [new SqliteCentsSumTranslator(sql, mappings)];
}

/// <summary>Registers <see cref="SqliteCentsSumTranslator"/> in EF Core's internal services of SQLite contexts.</summary>
internal sealed class SqliteCentsSumExtension : IDbContextOptionsExtension
{
    public SqliteCentsSumExtension() => Info = new ExtensionInfo(this);

    public DbContextOptionsExtensionInfo Info { get; }

    public void ApplyServices(IServiceCollection services) =>
        new EntityFrameworkRelationalServicesBuilder(services).TryAdd<IAggregateMethodCallTranslatorPlugin, SqliteCentsSumPlugin>();

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "SqliteCentsSum ";

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["Infocentre:SqliteCentsSum"] = "1";
    }
}
