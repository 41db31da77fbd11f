using System.Globalization;
using System.Text;
using Infocentre.Reports.Definitions;

namespace Infocentre.Reports.Documentation;

/// <summary>
/// Renders docs/catalogue.md from the definitions alone, so that the published catalogue is exactly what the
/// service serves. Deterministic (ordered by domain then code, no date) so that a test can tell when it is stale.
/// </summary>
public static class CatalogueDocument
{
    /// <summary>Domains in the order of the Chorus infocentre, with their French names.</summary>
    public static readonly IReadOnlyList<(string Domain, string Title)> Domains =
    [
        ("budget", "Budget"),
        ("depenses", "Dépenses"),
        ("comptabilite-generale", "Comptabilité générale"),
        ("recettes-non-fiscales", "Recettes non fiscales"),
        ("subventions", "Subventions"),
    ];

    public static string Render(IReadOnlyCollection<ReportDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var text = new StringBuilder();
        text.Append("# Catalogue des restitutions\n\n")
            .Append("Generated from `reports/` by `infocentre catalogue`; do not edit by hand (a test fails when this file is stale).\n")
            .Append(CultureInfo.InvariantCulture, $"{definitions.Count} reports. Each is served at `/odata/<EntitySet>`, `/api/reports/<CODE>/rows` and `/api/reports/<CODE>/export.xlsx|.csv`; see [reports.md](reports.md).\n\n")
            .Append("| Domain | Reports |\n|---|---:|\n");
        foreach (var (domain, title) in Domains)
        {
            var count = definitions.Count(d => d.Domain == domain);
            text.Append(CultureInfo.InvariantCulture, $"| [{title}](#{Anchor(title)}) | {count} |\n");
        }

        foreach (var (domain, title) in Domains)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {title}\n\n");
            var reports = definitions.Where(d => d.Domain == domain).OrderBy(d => d.Code, StringComparer.Ordinal).ToList();
            text.Append("| Code | Title | Entity set |\n|---|---|---|\n");
            foreach (var d in reports)
            {
                text.Append(CultureInfo.InvariantCulture, $"| [{d.Code}](#{Anchor(d.Code)}) | {Cell(d.Title)} | `{d.EntitySet}` |\n");
            }

            foreach (var d in reports)
            {
                Report(text, d);
            }
        }

        return text.ToString();
    }

    private static void Report(StringBuilder text, ReportDefinition d)
    {
        text.Append(CultureInfo.InvariantCulture, $"\n### {d.Code}\n\n**{d.Title}**: `{d.EntitySet}`, source `{d.Source}`")
            .Append(d.Public ? ", public referential.\n\n" : d.Roles.Count > 0 ? $", restricted to the roles {string.Join(", ", d.Roles)}.\n\n" : ".\n\n")
            .Append(OneLine(d.Description)).Append("\n\n");
        if (d.Parameters.Count > 0)
        {
            text.Append("| Parameter | Type | Default | Description |\n|---|---|---|---|\n");
            foreach (var p in d.Parameters)
            {
                var values = p.Values.Count > 0 ? $" Values: {string.Join(", ", p.Values)}." : "";
                var requirement = p.Required ? "required, " : "";
                text.Append(CultureInfo.InvariantCulture,
                    $"| `{p.Name}` | {p.Type} | {requirement}{Cell(p.Default ?? "—")} | {Cell(p.Label)}: {Cell(p.Description)}{Cell(values)} |\n");
            }

            text.Append('\n');
        }

        text.Append("| Column | Label | Kind | Computation | Format |\n|---|---|---|---|---|\n");
        foreach (var dim in d.Dimensions)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{dim.Name}` | {Cell(dim.Label)} | dimension | `{dim.Property}` | {Cell(dim.Format ?? "")} |\n");
        }

        foreach (var m in d.Measures)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{m.Name}` | {Cell(m.Label)} | measure | {Cell(Computation(m))} | {Cell(m.Format ?? "")} |\n");
        }

        if (d.OrderBy.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nDefault order: {string.Join(", ", d.OrderBy)}.\n");
        }
    }

    private static string Computation(MeasureDefinition m) =>
        (m.Formula is { } formula ? "`" + formula + "`"
        : m.Of is { } of ? $"{m.Aggregate} of `{of}`"
        : m.Property is { } property ? $"{m.Aggregate}(`{property}`)"
        : $"{m.Aggregate}")
        + (m.Where is { } where ? $" where `{where}`" : "");

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string Cell(string text) => OneLine(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>GitHub's heading anchors: lower case, spaces to dashes, punctuation other than dashes dropped.</summary>
    private static string Anchor(string heading) =>
        new(heading.ToLowerInvariant().Replace(' ', '-').Where(c => char.IsLetterOrDigit(c) || c == '-').ToArray());
}
