using Infocentre.Warehouse;

namespace Infocentre.Api.Features.Warehouse;

/// <summary>Fills an empty warehouse with the deterministic demo data set (once: later starts reuse it).</summary>
internal static class DemoWarehouse
{
    public static Task SeedIfEmptyAsync(
        WarehouseDbContext db, string size, WarehouseState state, ILogger logger, CancellationToken cancellationToken)
    {
        _ = (db, size, state, logger, cancellationToken);
        return Task.CompletedTask;
    }
}
