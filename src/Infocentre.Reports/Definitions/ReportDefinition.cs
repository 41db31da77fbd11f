namespace Infocentre.Reports.Definitions;

/// <summary>A report ("restitution") as written in reports/&lt;domain&gt;/&lt;CODE&gt;.yaml. See docs/reports.md.</summary>
public sealed class ReportDefinition
{
    public string Code { get; set; } = "";
    public string EntitySet { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string Domain { get; set; } = "";
    public string Source { get; set; } = "";
    /// <summary>Source property that carries the ministère code through which access control applies.</summary>
    public string? Perimeter { get; set; }
    /// <summary>True for referential reports that anyone may read (no perimeter column).</summary>
    public bool Public { get; set; }
    /// <summary>
    /// Roles of which a caller needs one (besides reader) to see the report at all, e.g. [loader] for data that
    /// is not ministry data; empty for every reader. See docs/reports.md.
    /// </summary>
    public List<string> Roles { get; set; } = [];
    public List<ParameterDefinition> Parameters { get; set; } = [];
    /// <summary>Fixed filter in OData $filter syntax over the source, with @parameter aliases.</summary>
    public string? Filter { get; set; }
    public List<DimensionDefinition> Dimensions { get; set; } = [];
    public List<MeasureDefinition> Measures { get; set; } = [];
    /// <summary>Default order: column names, each optionally followed by "desc".</summary>
    public List<string> OrderBy { get; set; } = [];

    /// <summary>Path of the file the definition was read from, relative to the catalogue folder.</summary>
    public string File { get; set; } = "";
}

public sealed class ParameterDefinition
{
    public string Name { get; set; } = "";
    /// <summary>int, decimal, string, date or bool.</summary>
    public string Type { get; set; } = "string";
    public string Label { get; set; } = "";
    public string Description { get; set; } = "";
    public bool Required { get; set; }
    /// <summary>A literal of the parameter's type, or "latest" (the latest exercice loaded in the source).</summary>
    public string? Default { get; set; }
    /// <summary>Closed list of accepted values.</summary>
    public List<string> Values { get; set; } = [];
    /// <summary>Source property whose distinct values are offered as a list of values.</summary>
    public string? ValuesFrom { get; set; }

    /// <summary>Regular expression a text value must match entirely (e.g. "^\d{4}$" for a programme).</summary>
    public string? Pattern { get; set; }
}

public sealed class DimensionDefinition
{
    public string Name { get; set; } = "";
    public string Property { get; set; } = "";
    public string Label { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>text (codes such as "0163" stay text), integer, date or a number format.</summary>
    public string? Format { get; set; }
}

public sealed class MeasureDefinition
{
    public string Name { get; set; } = "";
    /// <summary>sum, count, countdistinct, min, max, average, share or rank; empty when <see cref="Formula"/> is set.</summary>
    public string? Aggregate { get; set; }
    public string? Property { get; set; }
    /// <summary>Condition in OData $filter syntax over the source, with @parameter aliases, applied to this aggregate only.</summary>
    public string? Where { get; set; }
    /// <summary>For share and rank: the earlier measure whose share of the report's total, or rank, is computed.</summary>
    public string? Of { get; set; }
    /// <summary>Arithmetic over other measures of the report, e.g. "MontantEngage - MontantBascule".</summary>
    public string? Formula { get; set; }
    public string Label { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Excel-style number format, e.g. "#,##0.00" or "0.0%".</summary>
    public string? Format { get; set; }
}
