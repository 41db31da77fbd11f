using System.Data.Common;
using Infocentre.Warehouse;
using Infocentre.Warehouse.DemoData;
using Infocentre.Warehouse.Schema;
using Microsoft.EntityFrameworkCore;
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
            await CreateOrRebuildAsync(db, stoppingToken);
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

    /// <summary>
    /// The embedded demo warehouse (SQLite, no connection string configured, only demo seeds loaded) is rebuilt
    /// when it was made by another version of the model; any other warehouse is left alone and the error stands.
    /// </summary>
    private async Task CreateOrRebuildAsync(WarehouseDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await WarehouseDatabase.CreateSchemaAsync(db, cancellationToken);
        }
        catch (WarehouseSchemaMismatchException e) when (IsEmbeddedDemo())
        {
            if (!await OnlyDemoSeedsAsync(db, cancellationToken))
            {
                throw;
            }

            LogRebuild(logger, e.Message);
            await db.Database.EnsureDeletedAsync(cancellationToken);
            await WarehouseDatabase.CreateSchemaAsync(db, cancellationToken);
        }
    }

    private bool IsEmbeddedDemo() =>
        options.Value.Provider == WarehouseProvider.Sqlite && string.IsNullOrWhiteSpace(options.Value.ConnectionString);

    private static async Task<bool> OnlyDemoSeedsAsync(WarehouseDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            return await db.Loads.AllAsync(l => l.Kind == DemoSeeder.LoadKind, cancellationToken);
        }
        catch (DbException)
        {
            // A schema so old that its load journal cannot be read holds no load of real extracts either.
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rebuilding the embedded demo warehouse: {Reason}")]
    private static partial void LogRebuild(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warehouse ready ({Provider}).")]
    private static partial void LogReady(ILogger logger, WarehouseProvider provider);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Warehouse initialisation failed; the service stays not ready.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
