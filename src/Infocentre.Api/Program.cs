using Infocentre.Api.Features.Audit;
using Infocentre.Api.Features.Exports;
using Infocentre.Api.Features.Freshness;
using Infocentre.Api.Features.Health;
using Infocentre.Api.Features.Home;
using Infocentre.Api.Features.Loads;
using Infocentre.Api.Features.Reports;
using Infocentre.Api.Features.Reports.Rest;
using Infocentre.Api.Features.Security;
using Infocentre.Api.Features.Warehouse;
using Infocentre.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddWarehouse();
builder.AddInfocentreSecurity();
builder.Services.AddFreshness();
builder.Services.AddInfocentreProblemDetails();
builder.Services.AddInfocentreHealthChecks();
builder.Services.AddInfocentreOpenApi();
builder.AddReports();
builder.Services.AddAuditTrail();
builder.Services.AddExports();
builder.Services.AddLoads();

var app = builder.Build();

await app.VerifyWarehouseConnectionAsync();

app.UseInfocentreErrorHandling();
app.UseInfocentreSecurity();
app.UseWarehouseReadiness();
AuditTrail.UseAuditTrail(app);
app.UseInfocentreOpenApi();
app.MapHome();
app.MapInfocentreHealthChecks();
app.MapReports();
app.MapReportEndpoints();
app.MapExportEndpoints();
app.MapAuditEndpoints();
app.MapLoadEndpoints();

await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory-based tests.</summary>
public partial class Program;
