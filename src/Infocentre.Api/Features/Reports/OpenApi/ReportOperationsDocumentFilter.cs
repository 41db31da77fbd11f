using System.Globalization;
using System.Text.Json.Nodes;
using Infocentre.Api.Features.Freshness;
using Infocentre.Api.Features.Reports.OData;
using Infocentre.Reports;
using Infocentre.Reports.Compilation;
using Infocentre.Reports.Definitions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Infocentre.Api.Features.Reports.OpenApi;

/// <summary>
/// Documents every report of the catalogue as its own operation, GET /api/reports/{CODE}/rows with the concrete
/// code: its typed parameters as query parameters, and the schema of its rows inside the RowsPage envelope. The
/// generic /api/reports/{code}/rows operation stays for clients that discover reports at run time.
/// </summary>
/// <remarks>
/// The rows endpoint itself is one handler for every report (reports are data): only the document knows each
/// report's shape, built here from the same compiled catalogue the endpoint runs.
/// </remarks>
public sealed class ReportOperationsDocumentFilter(ReportCatalogue catalogue, IOptions<ODataLimits> limits) : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(swaggerDoc);
        ArgumentNullException.ThrowIfNull(context);
        swaggerDoc.Paths ??= [];
        swaggerDoc.Tags ??= new HashSet<OpenApiTag>();
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);

        foreach (var domain in catalogue.Reports.Select(r => r.Definition.Domain).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!swaggerDoc.Tags.Any(t => string.Equals(t.Name, domain, StringComparison.Ordinal)))
            {
                swaggerDoc.Tags.Add(new OpenApiTag { Name = domain, Description = $"Restitutions du domaine {domain} : une opération par restitution." });
            }
        }

        foreach (var report in catalogue.Reports)
        {
            var rows = RowSchema(report, swaggerDoc, context);
            var page = PageSchema(report, rows, swaggerDoc, context);
            var item = new OpenApiPathItem();
            item.AddOperation(HttpMethod.Get, Operation(report, page, problem, swaggerDoc));
            swaggerDoc.Paths[$"/api/reports/{report.Definition.Code}/rows"] = item;
        }
    }

    private OpenApiOperation Operation(CompiledReport report, IOpenApiSchema page, IOpenApiSchema problem, OpenApiDocument document)
    {
        var d = report.Definition;
        var parameters = new List<IOpenApiParameter>();
        var options = QueryOptions(report).ToList();
        // The rows endpoint reads filter/orderby/top/skip/count as query options, never as report parameters.
        foreach (var p in d.Parameters.Where(p => options.All(o => !string.Equals(o.Name, p.Name, StringComparison.Ordinal))))
        {
            parameters.Add(new OpenApiParameter
            {
                Name = p.Name,
                In = ParameterLocation.Query,
                // A parameter with a default (a literal, or "latest") need not be sent: the service supplies it.
                Required = p.Required && p.Default is null,
                Description = ParameterDescription(report, p),
                Schema = ReportSchemas.ForParameter(p),
            });
        }

        parameters.AddRange(options);
        return new OpenApiOperation
        {
            OperationId = d.EntitySet + "Rows",
            Summary = $"{d.Code} : {d.Title}",
            Description = d.Description.Trim() + $"\n\nMême restitution en OData : `/odata/{d.EntitySet}`.",
            Tags = new HashSet<OpenApiTagReference> { new(d.Domain, document) },
            Parameters = parameters,
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse
                {
                    Description = "Une page de lignes, limitées au périmètre ministériel de l'appelant, avec les paramètres appliqués "
                        + "et la date du dernier chargement du domaine.",
                    Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
                    {
                        [FreshnessCache.HeaderName] = new OpenApiHeader
                        {
                            Description = "Fin du dernier chargement réussi du domaine (UTC, ISO 8601).",
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                        },
                    },
                    Content = Json("application/json", page),
                },
                ["400"] = new OpenApiResponse
                {
                    Description = "Paramètre absent ou mal typé, filtre ou tri invalide, top/skip hors limites : le détail nomme le champ en cause.",
                    Content = Json("application/problem+json", problem),
                },
                ["401"] = new OpenApiResponse { Description = "Sans jeton (Authorization: Bearer) ni clé (X-Api-Key) valide." },
                ["403"] = new OpenApiResponse { Description = "Le rôle de l'appelant ne permet pas de lire les restitutions." },
                ["429"] = new OpenApiResponse
                {
                    Description = "Trop de requêtes pour cet appelant : réessayer après Retry-After secondes.",
                    Content = Json("application/problem+json", problem),
                },
                ["503"] = new OpenApiResponse
                {
                    Description = "Entrepôt en cours de préparation : réessayer après Retry-After secondes.",
                    Content = Json("application/problem+json", problem),
                },
            },
        };
    }

    private static Dictionary<string, IOpenApiMediaType> Json(string mediaType, IOpenApiSchema schema) =>
        new(StringComparer.Ordinal) { [mediaType] = new OpenApiMediaType { Schema = schema } };

    private static string ParameterDescription(CompiledReport report, ParameterDefinition p)
    {
        var text = string.IsNullOrWhiteSpace(p.Description) ? p.Label : $"{p.Label} : {p.Description.Trim()}";
        if (string.Equals(p.Default, "latest", StringComparison.Ordinal) && !text.Contains("défaut", StringComparison.OrdinalIgnoreCase))
        {
            text += " Par défaut : le dernier exercice chargé.";
        }

        if (p.ValuesFrom is not null)
        {
            text += $" Valeurs possibles : GET /api/reports/{report.Definition.Code}/parameters/{p.Name}/values.";
        }

        return text;
    }

    /// <summary>filter, orderby, top, skip and count, as the rows endpoint reads them.</summary>
    private IEnumerable<OpenApiParameter> QueryOptions(CompiledReport report)
    {
        var example = FilterExample(report);
        var order = report.DefaultOrderBy is { } o ? $"par défaut « {o} »" : "par défaut la clé";
        var max = limits.Value;
        yield return Query("filter", $"Filtre en syntaxe OData $filter sur les colonnes de la restitution, par exemple « {example} ».",
            new OpenApiSchema { Type = JsonSchemaType.String });
        yield return Query("orderby", $"Tri en syntaxe OData $orderby (colonnes suivies de asc ou desc), {order} ; la clé complète toujours le tri.",
            new OpenApiSchema { Type = JsonSchemaType.String });
        yield return Query("top", string.Create(CultureInfo.InvariantCulture, $"Nombre de lignes de la page (au plus {max.MaxTop}) ; la suite est dans nextLink."),
            new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0",
                Maximum = max.MaxTop.ToString(CultureInfo.InvariantCulture), Default = JsonValue.Create(max.PageSize),
            });
        yield return Query("skip", "Nombre de lignes à sauter.",
            new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0",
                Maximum = max.MaxSkip.ToString(CultureInfo.InvariantCulture), Default = JsonValue.Create(0),
            });
        yield return Query("count", "true pour recevoir dans count le nombre total de lignes (après filtre).",
            new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = JsonValue.Create(false) });
    }

    private static OpenApiParameter Query(string name, string description, OpenApiSchema schema) =>
        new() { Name = name, In = ParameterLocation.Query, Required = false, Description = description, Schema = schema };

    private static string FilterExample(CompiledReport report)
    {
        var measure = report.Columns.FirstOrDefault(c => c.Kind == ColumnKind.Measure && c.ClrType != typeof(string));
        var dimension = report.Columns.FirstOrDefault(c => c.Kind == ColumnKind.Dimension && c.ClrType == typeof(string));
        return (dimension, measure) switch
        {
            ({ } dim, { } m) => $"{dim.Name} eq 'X' and {m.Name} gt 0",
            (null, { } m) => $"{m.Name} gt 0",
            ({ } dim, null) => $"{dim.Name} eq 'X'",
            _ => "…",
        };
    }

    /// <summary>The row object: one property per column, in the order of the definition, all always present.</summary>
    private static OpenApiSchemaReference RowSchema(CompiledReport report, OpenApiDocument document, DocumentFilterContext context)
    {
        var d = report.Definition;
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var key in report.KeyProperties.Where(k => report.Columns.All(c => c.Name != k)))
        {
            // A report without dimensions is keyed on a constant column (always 1).
            var constant = ReportSchemas.Scalar(report.RowType.GetProperty(key)!.PropertyType, nullable: false);
            constant.Description = "Clé constante (1) d'une restitution sans dimension.";
            properties[key] = constant;
        }

        foreach (var column in report.Columns)
        {
            properties[column.Name] = ReportSchemas.ForColumn(column);
        }

        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Title = $"Ligne de {d.Code}",
            Description = $"Une ligne de {d.Code} ({d.Title}) : dimensions {Names(report, ColumnKind.Dimension)} ; mesures {Names(report, ColumnKind.Measure)}.",
            Properties = properties,
            Required = new HashSet<string>(properties.Keys, StringComparer.Ordinal),
            AdditionalPropertiesAllowed = false,
        };
        return Register(d.EntitySet + "Row", schema, document, context);
    }

    /// <summary>The RowsPage envelope with "rows" typed as the report's row.</summary>
    private static OpenApiSchemaReference PageSchema(CompiledReport report, IOpenApiSchema row, OpenApiDocument document, DocumentFilterContext context)
    {
        var d = report.Definition;
        var bound = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var p in d.Parameters)
        {
            bound[p.Name] = ReportSchemas.ForBoundParameter(p);
        }

        var dataLastLoaded = ReportSchemas.Scalar(typeof(DateTime), nullable: true);
        dataLastLoaded.Description = "Fin du dernier chargement réussi du domaine (UTC).";
        var count = ReportSchemas.Scalar(typeof(long), nullable: true);
        count.Description = "Nombre total de lignes après filtre, si count=true ; sinon null.";
        var nextLink = ReportSchemas.Scalar(typeof(string), nullable: true);
        nextLink.Description = "URL de la page suivante (mêmes paramètres, skip avancé), ou null sur la dernière page.";
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = $"Une page de lignes de {d.Code}.",
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["report"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Code de la restitution.", Enum = [JsonValue.Create(d.Code)] },
                ["parameters"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Valeurs appliquées des paramètres, défauts compris ; un paramètre facultatif non fourni n'y figure pas.",
                    Properties = bound,
                },
                ["dataLastLoaded"] = dataLastLoaded,
                ["rows"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = row },
                ["count"] = count,
                ["nextLink"] = nextLink,
            },
            Required = new HashSet<string>(["report", "parameters", "dataLastLoaded", "rows", "count", "nextLink"], StringComparer.Ordinal),
        };
        return Register(d.EntitySet + "RowsPage", schema, document, context);
    }

    private static OpenApiSchemaReference Register(string id, OpenApiSchema schema, OpenApiDocument document, DocumentFilterContext context)
    {
        context.SchemaRepository.Schemas[id] = schema;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[id] = schema;
        return new OpenApiSchemaReference(id, document);
    }

    private static string Names(CompiledReport report, ColumnKind kind)
    {
        var names = report.Columns.Where(c => c.Kind == kind).Select(c => c.Name).ToList();
        return names.Count == 0 ? "aucune" : string.Join(", ", names);
    }
}
