using Infocentre.Api.Features.Freshness;
using Infocentre.Api.Features.Health;
using Infocentre.Api.Features.Home;
using Infocentre.Api.Features.Warehouse;
using Infocentre.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddWarehouse();
builder.Services.AddFreshness();
builder.Services.AddInfocentreProblemDetails();
builder.Services.AddInfocentreHealthChecks();
builder.Services.AddInfocentreOpenApi();

var app = builder.Build();

await app.VerifyWarehouseConnectionAsync();

app.UseInfocentreErrorHandling();
app.UseInfocentreOpenApi();
app.MapHome();
app.MapInfocentreHealthChecks();

await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory-based tests.</summary>
public partial class Program;
