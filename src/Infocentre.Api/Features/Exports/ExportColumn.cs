using System.Text.RegularExpressions;
using Infocentre.Reports.Compilation;

namespace Infocentre.Api.Features.Exports;

/// <summary>How a column's values are written: the cell type in xlsx, the text form in CSV.</summary>
public enum ExportValueKind
{
    Text,
    WholeNumber,
    DecimalNumber,
    FloatingNumber,
    Date,
    DateTime,
    Boolean,
    /// <summary>Any other type: written as its invariant text.</summary>
    Other,
}

/// <summary>A column of an export: the report column's French label, type and format, and whether the totals row sums it.</summary>
public sealed partial class ExportColumn
{
    public ExportColumn(
        string name, string label, Type clrType, string? format = null, bool isMeasure = false, bool summable = false, string? description = null)
    {
        Name = name;
        Label = string.IsNullOrWhiteSpace(label) ? name : label.Trim();
        ClrType = clrType;
        Format = format;
        IsMeasure = isMeasure;
        Description = description;
        Kind = KindOf(clrType);
        Summable = summable && Kind is ExportValueKind.WholeNumber or ExportValueKind.DecimalNumber or ExportValueKind.FloatingNumber;
        ExcelFormat = ExcelFormatOf(Kind, format);
    }

    /// <summary>Property of the row type, also the column name of the REST rows and of the OData entity type.</summary>
    public string Name { get; }

    public string Label { get; }

    public string? Description { get; }

    /// <summary>The format of the report definition ("text", "integer", "date", or an Excel number format).</summary>
    public string? Format { get; }

    public bool IsMeasure { get; }

    /// <summary>The totals row (totals=true) shows the sum of this column.</summary>
    public bool Summable { get; }

    public Type ClrType { get; }

    public ExportValueKind Kind { get; }

    /// <summary>The Excel number format of the column's cells ("@" for text).</summary>
    public string ExcelFormat { get; }

    /// <summary>The columns of a report, in order, with their labels and formats.</summary>
    public static IReadOnlyList<ExportColumn> For(CompiledReport report)
    {
        var measures = report.Definition.Measures.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var summable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var measure in report.Definition.Measures)
        {
            if (measure.Aggregate is "sum" or "count")
            {
                summable.Add(measure.Name);
            }
        }

        // A formula made only of + and - over summable measures is summable too (the sum of differences is the
        // difference of sums); ratios, averages, maxima and distinct counts are not.
        foreach (var measure in report.Definition.Measures.Where(m => !string.IsNullOrWhiteSpace(m.Formula)))
        {
            var formula = measure.Formula!;
            if (LinearFormula().IsMatch(formula)
                && Identifier().Matches(formula).All(m => measures.ContainsKey(m.Value) && summable.Contains(m.Value)))
            {
                summable.Add(measure.Name);
            }
        }

        return report.Columns
            .Select(c => new ExportColumn(c.Name, c.Label, c.ClrType, c.Format, c.Kind == ColumnKind.Measure, summable.Contains(c.Name), c.Description))
            .ToList();
    }

    /// <summary>The French name of the column's type, for the description sheet.</summary>
    public string KindLabel => Kind switch
    {
        ExportValueKind.Text => "texte",
        ExportValueKind.WholeNumber => "entier",
        ExportValueKind.DecimalNumber or ExportValueKind.FloatingNumber => "nombre",
        ExportValueKind.Date => "date",
        ExportValueKind.DateTime => "date et heure",
        ExportValueKind.Boolean => "booléen",
        _ => "texte",
    };

    private static ExportValueKind KindOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => ExportValueKind.Text,
        var t when t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) => ExportValueKind.WholeNumber,
        var t when t == typeof(decimal) => ExportValueKind.DecimalNumber,
        var t when t == typeof(double) || t == typeof(float) => ExportValueKind.FloatingNumber,
        var t when t == typeof(DateOnly) => ExportValueKind.Date,
        var t when t == typeof(DateTime) => ExportValueKind.DateTime,
        var t when t == typeof(bool) => ExportValueKind.Boolean,
        _ => ExportValueKind.Other,
    };

    private static string ExcelFormatOf(ExportValueKind kind, string? format)
    {
        var declared = format?.Trim();
        switch (kind)
        {
            case ExportValueKind.Text or ExportValueKind.Other:
                return "@";
            case ExportValueKind.Date or ExportValueKind.DateTime:
                // Definitions write dates the .NET way (dd/MM/yyyy); Excel wants m for months and h for hours.
                return declared is null or "" or "date" or "text" or "integer"
                    ? kind == ExportValueKind.Date ? "dd/mm/yyyy" : "dd/mm/yyyy hh:mm"
                    : declared.Replace('M', 'm').Replace('H', 'h');
            case ExportValueKind.Boolean:
                return "General";
            default:
                return declared switch
                {
                    null or "" => kind == ExportValueKind.WholeNumber ? "#,##0" : "#,##0.00",
                    "integer" or "text" => "0",
                    "date" => "General",
                    _ => declared,
                };
        }
    }

    [GeneratedRegex(@"^[\sA-Za-z_0-9+\-()]+$")]
    private static partial Regex LinearFormula();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z_0-9]*")]
    private static partial Regex Identifier();
}
