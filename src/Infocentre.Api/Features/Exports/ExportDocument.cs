namespace Infocentre.Api.Features.Exports;

/// <summary>A parameter of the report as the description sheet lists it, with the value the export used.</summary>
public sealed record ExportParameter(string Name, string Label, string Type, string Value, string Description);

/// <summary>Everything an export writes besides the rows: what the report is, how it was asked for, its columns.</summary>
public sealed record ExportDocument
{
    public required string Code { get; init; }

    public required string Title { get; init; }

    public string Description { get; init; } = "";

    /// <summary>The emitted row type of the report (the elements of the rows sequence).</summary>
    public required Type RowType { get; init; }

    public required IReadOnlyList<ExportColumn> Columns { get; init; }

    /// <summary>Lines under the title, each "label : value" (last load, parameters, filter, order, perimeter, generation time).</summary>
    public IReadOnlyList<string> HeaderLines { get; init; } = [];

    public IReadOnlyList<ExportParameter> Parameters { get; init; } = [];

    /// <summary>More "label → value" lines for the description sheet (domain, source, where to read the same rows).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> About { get; init; } = [];

    /// <summary>Adds a totals row: the sum of every summable column.</summary>
    public bool Totals { get; init; }
}
