using System.Globalization;
using Infocentre.Warehouse;
using Infocentre.Warehouse.DemoData;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Api.Features.Warehouse;

/// <summary>Fills an empty warehouse with the deterministic demo data set (once: later starts reuse it).</summary>
internal static partial class DemoWarehouse
{
    public static async Task SeedIfEmptyAsync(
        WarehouseDbContext db, string size, WarehouseState state, ILogger logger, CancellationToken cancellationToken)
    {
        if (string.Equals(size, "none", StringComparison.OrdinalIgnoreCase) || await db.Loads.AnyAsync(cancellationToken))
        {
            return;
        }

        if (!Enum.TryParse<DemoSize>(size, ignoreCase: true, out var demoSize))
        {
            throw new WarehouseConfigurationException($"Warehouse:SeedOnFirstRun '{size}' is not one of none, tiny, demo, large.");
        }

        LogSeeding(logger, demoSize);
        var progress = new Progress<SeedProgress>(p => state.Report(string.Create(CultureInfo.InvariantCulture,
            $"loading demo data: table {p.TableNumber}/{p.TableCount} ({p.Table}), {p.TotalRows:N0} rows")));
        var summary = await DemoSeeder.SeedAsync(db, demoSize, progress, cancellationToken);
        LogSeeded(logger, summary.TotalRows, summary.Elapsed.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Empty warehouse: loading the {Size} demo data set.")]
    private static partial void LogSeeding(ILogger logger, DemoSize size);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data loaded: {Rows} rows in {Seconds:F1} s.")]
    private static partial void LogSeeded(ILogger logger, long rows, double seconds);
}
