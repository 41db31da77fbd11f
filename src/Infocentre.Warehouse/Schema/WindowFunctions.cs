using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace Infocentre.Warehouse.Schema;

/// <summary>
/// Window functions EF Core cannot express in LINQ. Reports rank their rows with RANK() OVER (...) in the same
/// statement: a correlated count would re-aggregate the source once per row.
/// </summary>
public static class WindowFunctions
{
    public static readonly MethodInfo RankDescendingMethod =
        typeof(WindowFunctions).GetMethod(nameof(RankDescending), [typeof(decimal?)])!;

    /// <summary>
    /// RANK() OVER (ORDER BY value DESC) over the rows of the query: 1 for the largest value, ties share a rank.
    /// Only meaningful inside a LINQ query translated by EF Core.
    /// </summary>
    public static long RankDescending(decimal? value) =>
        throw new InvalidOperationException($"{nameof(RankDescending)} is translated to SQL and cannot run in memory ({value}).");

    internal static void Configure(ModelBuilder modelBuilder)
    {
        // Emitted as nested function calls so every EF Core visitor and both providers handle it as a plain
        // function: RANK() OVER (ORDER BY (-(value))). Negating rather than "DESC" keeps it one expression;
        // the value is never null (sums and counts are coalesced to zero).
        modelBuilder.HasDbFunction(RankDescendingMethod).HasTranslation(args =>
        {
            var value = args[0];
            var negated = new SqlUnaryExpression(System.Linq.Expressions.ExpressionType.Negate, value, value.Type, value.TypeMapping);
            var orderBy = new SqlFunctionExpression("ORDER BY ", [negated], nullable: false, argumentsPropagateNullability: [false], value.Type, value.TypeMapping);
            return new SqlFunctionExpression("RANK() OVER ", [orderBy], nullable: false, argumentsPropagateNullability: [false], typeof(long), null);
        });
    }
}
