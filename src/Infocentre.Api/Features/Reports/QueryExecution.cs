using Microsoft.EntityFrameworkCore;

namespace Infocentre.Api.Features.Reports;

/// <summary>Asynchronous execution of queries whose element type is only known at run time (emitted row types).</summary>
internal static class QueryExecution
{
    public static Task<List<object>> ToListAsync(IQueryable query, CancellationToken cancellationToken) =>
        (Task<List<object>>)ToListCore.MakeGenericMethod(query.ElementType).Invoke(null, [query, cancellationToken])!;

    private static async Task<List<object>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
    {
        var rows = await query.ToListAsync(cancellationToken);
        return rows.ConvertAll(r => (object)r!);
    }

    public static Task<long> CountAsync(IQueryable query, CancellationToken cancellationToken) =>
        (Task<long>)LongCountAsync.MakeGenericMethod(query.ElementType).Invoke(null, [query, cancellationToken])!;

    private static readonly System.Reflection.MethodInfo ToListCore = typeof(QueryExecution)
        .GetMethods(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static).Single(m => m.Name == nameof(ToListAsync) && m.IsGenericMethodDefinition);

    private static readonly System.Reflection.MethodInfo LongCountAsync = typeof(EntityFrameworkQueryableExtensions).GetMethods()
        .Single(m => m.Name == nameof(EntityFrameworkQueryableExtensions.LongCountAsync) && m.GetParameters().Length == 2);
}
