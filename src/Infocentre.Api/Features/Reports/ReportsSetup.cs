using Infocentre.Api.Features.Reports.OData;
using Infocentre.Reports;
using Infocentre.Reports.Definitions;
using Infocentre.Warehouse;
using Microsoft.AspNetCore.OData;
using Microsoft.Extensions.Options;
using Microsoft.OData.Edm;

namespace Infocentre.Api.Features.Reports;

/// <summary>Configuration section "Reports": where the catalogue is.</summary>
public sealed class ReportsOptions
{
    public const string SectionName = "Reports";

    /// <summary>Catalogue folder; empty means the repository's reports/ folder found from the binaries.</summary>
    public string? Folder { get; set; }
}

public static class ReportsSetup
{
    /// <summary>
    /// Loads and validates the catalogue (the service refuses to start with an invalid one), compiles every report
    /// to SQL, and serves the reports and self-service sources over OData and REST.
    /// </summary>
    public static void AddReports(this WebApplicationBuilder builder)
    {
        var folder = ReportFileReader.Locate(builder.Configuration[$"{ReportsOptions.SectionName}:{nameof(ReportsOptions.Folder)}"]);
        var catalogue = LoadCatalogue(folder);
        builder.Services.AddSingleton(catalogue);
        builder.Services.AddSingleton<LatestExercice>();
        builder.Services.AddScoped<ReportRunner>();
        builder.Services.AddOptions<ODataLimits>().BindConfiguration(ODataLimits.SectionName).ValidateDataAnnotations().ValidateOnStart();

        var limits = builder.Configuration.GetSection(ODataLimits.SectionName).Get<ODataLimits>() ?? new ODataLimits();
        // Read-only, honest Capabilities annotations in $metadata, added before the model is served.
        CapabilitiesAnnotations.AddTo((EdmModel)catalogue.Model);
        builder.Services.AddControllers().AddOData(options =>
        {
            // Query features are off unless enabled; $expand stays off (the sets have no navigation properties).
            options.Select().Filter().OrderBy().Count().SetMaxTop(limits.MaxTop);
            // Report parameters are the query keys without '$': "top=5" must not be read as "$top=5".
            options.EnableNoDollarQueryOptions = false;
            options.AddRouteComponents(ODataRouteServices.RoutePrefix, catalogue.Model, services => ODataRouteServices.Configure(services));
            options.Conventions.Add(new ReportEntitySetConvention());
            options.RouteOptions.EnableKeyAsSegment = false;
        });
        builder.Services.AddODataRequestHandling();
    }

    public static void MapReports(this WebApplication app)
    {
        app.MapControllers();
        SelfTest(app);
    }

    private static ReportCatalogue LoadCatalogue(string folder)
    {
        try
        {
            using var design = WarehouseDatabase.CreateContext(new WarehouseOptions { ConnectionString = "Data Source=:memory:" });
            return ReportCatalogue.Load(folder, design.Model);
        }
        catch (ReportDefinitionException e)
        {
            Console.Error.WriteLine($"Infocentre cannot start: {e.Message}");
            Environment.Exit(3);
            throw;
        }
    }

    /// <summary>Compiles every report to SQL for the configured engine; a report that cannot be translated stops startup.</summary>
    private static void SelfTest(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WarehouseDbContext>();
        var errors = app.Services.GetRequiredService<ReportCatalogue>().SelfTest(db);
        if (errors.Count > 0)
        {
            Console.Error.WriteLine("Infocentre cannot start: report self-test failed:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
            Environment.Exit(3);
        }

        _ = app.Services.GetRequiredService<IOptions<ODataLimits>>().Value;
    }
}
