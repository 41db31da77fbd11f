using System.Text.Json.Nodes;
using Infocentre.Reports.Compilation;
using Infocentre.Reports.Definitions;
using Infocentre.Reports.Parameters;
using Microsoft.OpenApi;

namespace Infocentre.Api.Features.Reports.OpenApi;

/// <summary>
/// JSON schemas of what a report's REST rows look like on the wire: its parameters (typed query values) and its
/// columns (the properties of a row, serialized by System.Text.Json from the emitted row type).
/// </summary>
internal static class ReportSchemas
{
    /// <summary>The query parameter schema of a declared parameter type (int, decimal, string, date, bool).</summary>
    public static OpenApiSchema ForParameter(ParameterDefinition parameter)
    {
        var schema = Scalar(ParameterType.ClrType(parameter.Type), nullable: false);
        if (parameter.Default is { } text && ToJson(parameter.Type, text) is { } value)
        {
            schema.Default = value;
        }

        if (parameter.Values.Count > 0)
        {
            schema.Enum = parameter.Values.Select(v => ToJson(parameter.Type, v)).OfType<JsonNode>().ToList();
        }

        if (parameter.Type == ParameterType.String)
        {
            // What ParameterType.TryParse accepts.
            schema.MinLength = 1;
            schema.MaxLength = 200;
        }

        return schema;
    }

    /// <summary>The value a parameter was bound with, as the envelope's "parameters" object echoes it (null when absent).</summary>
    public static OpenApiSchema ForBoundParameter(ParameterDefinition parameter)
    {
        var schema = Scalar(ParameterType.ClrType(parameter.Type), nullable: true);
        schema.Description = Text(parameter.Label, parameter.Description);
        return schema;
    }

    /// <summary>A row property: its JSON type, its French label (and longer description) as description, and its format.</summary>
    public static OpenApiSchema ForColumn(ReportColumn column)
    {
        // Dimensions are group keys: never null (a missing code is "#"). Measures may be null (empty group, x / 0).
        var nullable = column.Kind == ColumnKind.Measure
            && (Nullable.GetUnderlyingType(column.ClrType) is not null || !column.ClrType.IsValueType);
        var schema = Scalar(Nullable.GetUnderlyingType(column.ClrType) ?? column.ClrType, nullable);
        schema.Description = Text(column.Label, column.Description);
        if (column.Format is { } format)
        {
            schema.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
            schema.Extensions["x-infocentre-format"] = new JsonNodeExtension(JsonValue.Create(format));
        }

        return schema;
    }

    /// <summary>The JSON schema of a CLR value as System.Text.Json writes it (decimals as numbers, DateOnly as yyyy-MM-dd).</summary>
    public static OpenApiSchema Scalar(Type type, bool nullable)
    {
        var (kind, format) = type switch
        {
            _ when type == typeof(int) => (JsonSchemaType.Integer, "int32"),
            _ when type == typeof(long) => (JsonSchemaType.Integer, "int64"),
            _ when type == typeof(decimal) => (JsonSchemaType.Number, "decimal"),
            _ when type == typeof(double) => (JsonSchemaType.Number, "double"),
            _ when type == typeof(bool) => (JsonSchemaType.Boolean, (string?)null),
            _ when type == typeof(DateOnly) => (JsonSchemaType.String, "date"),
            _ when type == typeof(DateTime) => (JsonSchemaType.String, "date-time"),
            _ => (JsonSchemaType.String, null),
        };
        return new OpenApiSchema { Type = nullable ? kind | JsonSchemaType.Null : kind, Format = format };
    }

    /// <summary>A literal of a parameter's type as JSON, or null if it does not parse (the validator rejects such files).</summary>
    private static JsonValue? ToJson(string type, string text)
    {
        if (!ParameterType.TryParse(type, text, out var value, out _))
        {
            return null;
        }

        return value switch
        {
            int i => JsonValue.Create(i),
            decimal d => JsonValue.Create(d),
            bool b => JsonValue.Create(b),
            DateOnly date => JsonValue.Create(ParameterType.Format(date)),
            string s => JsonValue.Create(s),
            _ => null,
        };
    }

    private static string Text(string label, string? description) =>
        string.IsNullOrWhiteSpace(description) ? label : $"{label} : {description.Trim()}";
}
