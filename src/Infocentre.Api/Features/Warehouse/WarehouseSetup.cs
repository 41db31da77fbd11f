using Infocentre.Access;
using Infocentre.Warehouse;
using Infocentre.Warehouse.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Infocentre.Api.Features.Warehouse;

public static class WarehouseSetup
{
    /// <summary>Binds "Warehouse" options, registers the context and the background initialiser.</summary>
    public static void AddWarehouse(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WarehouseOptions>()
            .BindConfiguration(WarehouseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddPooledDbContextFactory<WarehouseDbContext>((services, options) =>
            options.UseWarehouse(services.GetRequiredService<IOptions<WarehouseOptions>>().Value));
        builder.Services.AddHttpContextAccessor();
        // A pooled context keeps no state of its previous user: the perimeter is set again on every resolution,
        // from the request's principal, or to everything for background work that has no request.
        builder.Services.AddScoped(services =>
        {
            var db = services.GetRequiredService<IDbContextFactory<WarehouseDbContext>>().CreateDbContext();
            var http = services.GetRequiredService<IHttpContextAccessor>().HttpContext;
            db.Perimeter = http is null ? WarehousePerimeter.Everything : PrincipalPerimeter.Of(http.User);
            return db;
        });
        builder.Services.AddSingleton<WarehouseState>();
        builder.Services.AddHostedService<WarehouseInitializer>();
    }

    /// <summary>
    /// Fails fast, with one clear message, when the configured database cannot be reached: a wrong provider or
    /// connection string must not surface later as a 500 on the first request.
    /// </summary>
    public static async Task VerifyWarehouseConnectionAsync(this WebApplication app)
    {
        try
        {
            var options = app.Services.GetRequiredService<IOptions<WarehouseOptions>>().Value;
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WarehouseDbContext>();
            if (options.Provider != WarehouseProvider.Sqlite && !await db.Database.CanConnectAsync(app.Lifetime.ApplicationStopping))
            {
                throw new WarehouseConfigurationException(
                    $"Cannot connect to the {options.Provider} warehouse: check Warehouse:ConnectionString.");
            }
        }
        catch (Exception e) when (e is WarehouseConfigurationException or OptionsValidationException or InvalidOperationException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"Infocentre cannot start: {e.Message}");
            Environment.Exit(2);
        }
    }
}
