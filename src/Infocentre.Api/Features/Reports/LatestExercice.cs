using System.Linq.Expressions;
using Infocentre.Api.Features.Freshness;
using Infocentre.Reports.Compilation;
using Infocentre.Warehouse;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Api.Features.Reports;

/// <summary>
/// The latest exercice present in each source, the default of "exercice: latest" parameters. Read once per
/// source and kept until the next load: MAX(exercice) over a union view costs as much as a report (5 s on demo
/// for the accounting anomalies), and the data only change with a load, which moves the load journal's time.
/// </summary>
public sealed class LatestExercice(IDbContextFactory<WarehouseDbContext> contexts, FreshnessCache freshness)
{
    private readonly Dictionary<string, (int? Value, DateTime? LoadedAt)> _cache = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public async Task<int?> GetAsync(CompiledReport report, CancellationToken cancellationToken)
    {
        var source = report.Definition.Source;
        var loadedAt = await freshness.LastLoadedAsync(null, cancellationToken);
        lock (_lock)
        {
            if (_cache.TryGetValue(source, out var cached) && cached.LoadedAt == loadedAt)
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
            _cache[source] = (value, loadedAt);
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
}
