using Infocentre.Warehouse;
using Microsoft.Extensions.Options;

namespace Infocentre.Api.Features.Warehouse;

/// <summary>
/// Creates the warehouse schema on first start and, when it is empty, fills it with the demo data set, in the
/// background so that liveness answers at once; readiness waits for it.
/// </summary>
public sealed partial class WarehouseInitializer(
    IServiceScopeFactory scopes, WarehouseState state, IOptions<WarehouseOptions> options,
    ILogger<WarehouseInitializer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WarehouseDbContext>();
            state.Report("creating schema");
            await WarehouseDatabase.CreateSchemaAsync(db, stoppingToken);
            await DemoWarehouse.SeedIfEmptyAsync(db, options.Value.SeedOnFirstRun, state, logger, stoppingToken);
            state.MarkReady();
            LogReady(logger, options.Value.Provider);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down while initialising: nothing to report.
        }
        catch (Exception e)
        {
            state.Report("failed: " + e.Message);
            LogFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warehouse ready ({Provider}).")]
    private static partial void LogReady(ILogger logger, WarehouseProvider provider);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Warehouse initialisation failed; the service stays not ready.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
