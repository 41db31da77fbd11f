using Infocentre.Warehouse;
using Infocentre.Warehouse.Loads;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Api.Features.Freshness;

/// <summary>
/// Last successful load per domain, read from the load journal. Cached for a few seconds: every response
/// carries it, and a load is rare compared with requests.
/// </summary>
public sealed class FreshnessCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private IReadOnlyDictionary<string, DateTime> _cached = new Dictionary<string, DateTime>();
    private DateTimeOffset _expires = DateTimeOffset.MinValue;

    /// <summary>Header naming the last successful load (UTC, ISO 8601) of the data a response is made of.</summary>
    public const string HeaderName = "X-Data-Last-Loaded";

    public async Task<IReadOnlyDictionary<string, DateTime>> GetAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() < _expires)
        {
            return _cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarehouseDbContext>();
        var rows = await db.Loads
            .Where(l => l.Status == LoadStatus.Succeeded && l.FinishedAt != null)
            .GroupBy(l => l.Domain)
            .Select(g => new { Domain = g.Key, Last = g.Max(l => l.FinishedAt) })
            .ToListAsync(cancellationToken);
        _cached = rows.ToDictionary(r => r.Domain, r => DateTime.SpecifyKind(r.Last!.Value, DateTimeKind.Utc), StringComparer.Ordinal);
        _expires = clock.GetUtcNow() + Lifetime;
        return _cached;
    }

    /// <summary>Last load of a domain; for referentials (no domain), the latest load of any domain.</summary>
    public async Task<DateTime?> LastLoadedAsync(string? domain, CancellationToken cancellationToken)
    {
        var loads = await GetAsync(cancellationToken);
        return domain is null ? (loads.Count == 0 ? null : loads.Values.Max())
            : loads.TryGetValue(domain, out var last) ? last : null;
    }

    /// <summary>Forgets the cached values, e.g. right after a load.</summary>
    public void Invalidate() => _expires = DateTimeOffset.MinValue;
}
