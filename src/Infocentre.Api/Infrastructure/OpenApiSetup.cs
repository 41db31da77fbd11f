using Infocentre.Api.Features.Reports.OpenApi;
using Microsoft.OpenApi;

namespace Infocentre.Api.Infrastructure;

public static class OpenApiSetup
{
    public static IServiceCollection AddInfocentreOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Infocentre API",
                Version = "v1",
                Description = "Restitutions infocentre (budget, comptabilité générale, dépenses, recettes non fiscales, subventions) as REST/JSON.",
            });
            var xml = Path.Combine(AppContext.BaseDirectory, "Infocentre.Api.xml");
            if (File.Exists(xml))
            {
                o.IncludeXmlComments(xml);
            }

            // One operation per report, with its parameters and row schema, beside the generic rows endpoint.
            o.DocumentFilter<ReportOperationsDocumentFilter>();
        });
        return services;
    }

    public static void UseInfocentreOpenApi(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o => o.DocumentTitle = "Infocentre API");
    }
}
