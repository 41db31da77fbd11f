using System.Linq.Expressions;
using Infocentre.Reports.Compilation;
using Infocentre.Warehouse;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Api.Features.Reports;

/// <summary>
/// The latest exercice present in each source, the default of "exercice: latest" parameters. Read once per
/// source and cached briefly: it changes only with a load.
/// </summary>
public sealed class LatestExercice(IDbContextFactory<WarehouseDbContext> contexts, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, (int? Value, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public async Task<int?> GetAsync(CompiledReport report, CancellationToken cancellationToken)
    {
        var source = report.Definition.Source;
        lock (_lock)
        {
            if (_cache.TryGetValue(source, out var cached) && cached.Expires > clock.GetUtcNow())
            {
                return cached.Value;
            }
        }

        // The latest exercice of the whole source, whoever asks: a per-caller value would be cached for everyone.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Perimeter = Infocentre.Warehouse.Access.WarehousePerimeter.Everything;
        var value = await MaxExercice(CompiledReport.SourceQuery(db, report.Source.ClrType), report.Source.ClrType, cancellationToken);
        lock (_lock)
        {
            _cache[source] = (value, clock.GetUtcNow() + Lifetime);
        }

        return value;
    }

    /// <summary>SELECT MAX(exercice) over the source, through EF Core's MaxAsync on the source's own type.</summary>
    private static Task<int?> MaxExercice(IQueryable rows, Type type, CancellationToken cancellationToken)
    {
        var x = Expression.Parameter(type, "x");
        var selector = Expression.Lambda(Expression.Convert(Expression.Property(x, "Exercice"), typeof(int?)), x);
        var maxAsync = typeof(EntityFrameworkQueryableExtensions).GetMethods()
            .Single(m => m.Name == nameof(EntityFrameworkQueryableExtensions.MaxAsync) && m.GetGenericArguments().Length == 2)
            .MakeGenericMethod(type, typeof(int?));
        return (Task<int?>)maxAsync.Invoke(null, [rows, selector, cancellationToken])!;
    }

    public void Invalidate()
    {
        lock (_lock)
        {
            _cache.Clear();
        }
    }
}
