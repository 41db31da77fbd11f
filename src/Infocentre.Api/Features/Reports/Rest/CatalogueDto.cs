using System.Text.Json.Serialization;
using Infocentre.Reports.Compilation;
using Infocentre.Reports.Definitions;

namespace Infocentre.Api.Features.Reports.Rest;

/// <summary>A report as the catalogue describes it to services and to the analyst looking for one.</summary>
public sealed record ReportSummary(
    string Code, string EntitySet, string Title, string Domain, string Description,
    IReadOnlyList<ParameterDto> Parameters, IReadOnlyList<ColumnDto> Columns, IReadOnlyList<string> DefaultOrder, ReportLinks Links,
    IReadOnlyList<string> Roles)
{
    public static ReportSummary From(CompiledReport report)
    {
        var d = report.Definition;
        return new ReportSummary(
            d.Code, d.EntitySet, d.Title, d.Domain, d.Description.Trim(),
            d.Parameters.Select(p => new ParameterDto(p.Name, p.Type, p.Label, p.Description, p.Required, p.Default, p.Values, p.ValuesFrom)).ToList(),
            report.Columns.Select(c => new ColumnDto(c.Name, c.Label, c.Description, c.Format, c.Kind == ColumnKind.Dimension ? "dimension" : "measure", JsonType(c.ClrType))).ToList(),
            d.OrderBy,
            new ReportLinks($"/api/reports/{d.Code}", $"/api/reports/{d.Code}/rows", $"/odata/{d.EntitySet}"),
            d.Roles);
    }

    private static string JsonType(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => "string",
        var t when t == typeof(int) || t == typeof(long) => "integer",
        var t when t == typeof(decimal) || t == typeof(double) => "number",
        var t when t == typeof(DateOnly) => "date",
        var t when t == typeof(bool) => "boolean",
        var t => t.Name,
    };
}

public sealed record ParameterDto(
    string Name, string Type, string Label, string Description, bool Required, string? Default,
    IReadOnlyList<string> Values, string? ValuesFrom);

public sealed record ColumnDto(string Name, string Label, string? Description, string? Format, string Kind, string Type);

public sealed record ReportLinks(string Self, string Rows, string OData);

/// <summary>
/// One page of a report's rows with what produced it. The envelope is camelCase like the rest of the API; rows
/// keep the column names of the OData entity type.
/// </summary>
public sealed record RowsPage(
    [property: JsonPropertyName("report")] string Report,
    [property: JsonPropertyName("parameters")] IReadOnlyDictionary<string, object?> Parameters,
    [property: JsonPropertyName("dataLastLoaded")] DateTime? DataLastLoaded,
    [property: JsonPropertyName("rows")] IReadOnlyList<object> Rows,
    [property: JsonPropertyName("count")] long? Count,
    [property: JsonPropertyName("nextLink")] string? NextLink);

/// <summary>A list of values for a parameter.</summary>
public sealed record ValuesList(string Report, string Parameter, IReadOnlyList<object?> Values, bool Truncated);
