namespace Infocentre.Reports.Compilation;

public enum ColumnKind
{
    Dimension,
    Measure,
}

/// <summary>A column of a report's rows: what REST, OData and the exports show, with its French label and format.</summary>
public sealed record ReportColumn(string Name, string Label, string? Description, string? Format, ColumnKind Kind, Type ClrType);
