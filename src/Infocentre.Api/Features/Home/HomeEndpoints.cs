using System.Net;
using Infocentre.Api.Features.Warehouse;

namespace Infocentre.Api.Features.Home;

public static class HomeEndpoints
{
    /// <summary>A small root page with links to what a newcomer can try.</summary>
    public static void MapHome(this WebApplication app) =>
        app.MapGet("/", (WarehouseState state) => Results.Content(Page(state), "text/html; charset=utf-8"))
            .ExcludeFromDescription()
            .AllowAnonymous();

    private static string Page(WarehouseState state) => $$"""
        <!DOCTYPE html>
        <html lang="fr"><head><meta charset="utf-8"><title>Infocentre</title>
        <style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;line-height:1.5}code{background:#eee;padding:0 .2rem}</style>
        </head><body>
        <h1>Infocentre</h1>
        <p>Restitutions budgétaires et comptables de l'État, ouvertes : OData pour les outils décisionnels, REST/JSON pour les services, Excel et CSV pour les analystes.</p>
        <p>Entrepôt : <strong>{{WebUtility.HtmlEncode(state.Status)}}</strong></p>
        <ul>
          <li><a href="/swagger">/swagger</a> — documentation OpenAPI de l'API REST</li>
          <li><a href="/api/reports">/api/reports</a> — catalogue des restitutions</li>
          <li><a href="/odata">/odata</a> — document de service OData (Power BI, Excel : « À partir d'un flux OData »)</li>
          <li><a href="/odata/$metadata">/odata/$metadata</a> — modèle OData</li>
          <li><a href="/health/ready">/health/ready</a> — état de préparation</li>
        </ul>
        </body></html>
        """;
}
