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
/// exactly as a number of cents, <c>SUM(round(x * 100.0))</c>, and given back as decimal text. Exact while a line
/// is below 10^13 and a total below 9·10^13 euros.
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
        var text = mappings.FindMapping(typeof(string))!;
        var integer = mappings.FindMapping(typeof(int))!;
        var hundred = sql.Constant(100.0, real);

        // SQLite reads the decimal text as a number in arithmetic: no CAST, and each rounded term is a whole
        // number of cents, which a double sums exactly below 2^53.
        var scaled = new SqlBinaryExpression(ExpressionType.Multiply, selector, hundred, typeof(double), real);
        var rounded = sql.Function("round", [scaled], nullable: true, argumentsPropagateNullability: [true], typeof(double), real);
        var cents = sql.Function("SUM", [rounded], nullable: true, argumentsPropagateNullability: [false], typeof(double), real);
        var euros = new SqlBinaryExpression(ExpressionType.Divide, cents, hundred, typeof(double), real);
        SqlExpression Printf(Type type, RelationalTypeMapping mapping) => sql.Function("printf", [sql.Constant("%.2f", text), euros],
            nullable: false, argumentsPropagateNullability: [false, false], type, mapping);
        var twoDecimals = Printf(typeof(string), text);

        // The text EF Core gives decimals on SQLite ("0.0###…": 12.50 is '12.5', 12 is '12.0'), so that equality
        // and IN against a bound decimal parameter still compare equal texts. SQLite computes the SUM once.
        var lastCharacter = sql.Function("substr", [twoDecimals, sql.Constant(-1, integer)], nullable: false,
            argumentsPropagateNullability: [false, false], typeof(string), text);
        var length = sql.Function("length", [twoDecimals], nullable: false, argumentsPropagateNullability: [false], typeof(int), integer);
        var trimmed = sql.Function("substr",
            [twoDecimals, sql.Constant(1, integer), new SqlBinaryExpression(ExpressionType.Subtract, length, sql.Constant(1, integer), typeof(int), integer)],
            nullable: false, argumentsPropagateNullability: [false, false, false], typeof(decimal), decimalMapping);
        return sql.Case([new CaseWhenClause(sql.Equal(lastCharacter, sql.Constant("0", text)), trimmed)], Printf(typeof(decimal), decimalMapping));
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
