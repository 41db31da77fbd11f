using System.Reflection;
using System.Text.RegularExpressions;
using Infocentre.Access;
using Infocentre.Reports.Compilation;
using Infocentre.Reports.Parameters;
using Infocentre.Warehouse.Loads;

namespace Infocentre.Reports.Definitions;

/// <summary>Checks definitions field by field; every error names the file, the field and what is wrong.</summary>
public static partial class ReportValidator
{
    public static readonly IReadOnlyList<string> Aggregates = ["sum", "count", "countdistinct", "min", "max", "average", "share", "rank"];

    /// <summary>Measures computed over the report's rows rather than over a group's source rows.</summary>
    public static bool IsRowMeasure(MeasureDefinition m) => m.Formula is null && m.Aggregate is "share" or "rank";

    [GeneratedRegex(@"^[A-Z]{3}-[A-Z]{3}-\d{2,3}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]{1,79}$")]
    private static partial Regex PascalName();

    [GeneratedRegex(@"^[a-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex ParameterName();

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z0-9]*)(\s+(?<dir>asc|desc))?$")]
    private static partial Regex OrderItem();

    [GeneratedRegex(@"@(?<name>[A-Za-z][A-Za-z0-9]*)")]
    private static partial Regex Alias();

    public static List<DefinitionError> Validate(IReadOnlyList<ReportDefinition> definitions)
    {
        var errors = new List<DefinitionError>();
        foreach (var d in definitions)
        {
            ValidateOne(d, errors);
        }

        foreach (var group in definitions.GroupBy(d => d.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new DefinitionError(group.Last().File, "code", $"'{group.Key}' is also used by {group.First().File}"));
        }

        foreach (var group in definitions.GroupBy(d => d.EntitySet, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(new DefinitionError(group.Last().File, "entitySet", $"'{group.Key}' is also used by {group.First().File}"));
        }

        return errors;
    }

    private static void ValidateOne(ReportDefinition d, List<DefinitionError> errors)
    {
        void Error(string field, string message) => errors.Add(new DefinitionError(d.File, field, message));

        if (!CodePattern().IsMatch(d.Code))
        {
            Error("code", $"'{d.Code}' does not look like INF-BUD-53 (three letters, three letters, two or three digits)");
        }
        else if (!string.Equals(Path.GetFileNameWithoutExtension(d.File), d.Code, StringComparison.Ordinal))
        {
            Error("code", $"'{d.Code}' must match the file name ({Path.GetFileName(d.File)})");
        }

        if (!PascalName().IsMatch(d.EntitySet))
        {
            Error("entitySet", $"'{d.EntitySet}' must be a PascalCase name of letters and digits (2 to 80)");
        }
        else if (ReportSources.All.Keys.Contains(d.EntitySet, StringComparer.OrdinalIgnoreCase))
        {
            Error("entitySet", $"'{d.EntitySet}' is already the name of a source entity set");
        }

        if (string.IsNullOrWhiteSpace(d.Title))
        {
            Error("title", "is required");
        }

        if (string.IsNullOrWhiteSpace(d.Description))
        {
            Error("description", "is required: say what a gestionnaire learns from the report");
        }

        if (!WarehouseDomains.All.Contains(d.Domain, StringComparer.Ordinal))
        {
            Error("domain", $"'{d.Domain}' is not one of {string.Join(", ", WarehouseDomains.All)}");
        }
        else if (!d.File.StartsWith(d.Domain + "/", StringComparison.Ordinal))
        {
            Error("domain", $"the file must be in the folder reports/{d.Domain}/");
        }

        if (!ReportSources.TryGet(d.Source, out var source))
        {
            Error("source", $"'{d.Source}' is not a source; use one of {string.Join(", ", ReportSources.All.Keys)}");
            return;
        }

        ValidatePerimeter(d, source, Error);
        ValidateParameters(d, source, Error);
        CheckAliases(d, d.Filter, "filter", Error);
        for (var i = 0; i < d.Measures.Count; i++)
        {
            CheckAliases(d, d.Measures[i].Where, $"measures[{i}].where", Error);
        }

        var columns = ValidateColumns(d, source, Error);
        ValidateOrder(d, columns, Error);
    }

    private static void CheckAliases(ReportDefinition d, string? condition, string field, Action<string, string> error)
    {
        foreach (var alias in Alias().Matches(condition ?? "").Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)
            .Where(a => !d.Parameters.Any(p => string.Equals(p.Name, a, StringComparison.Ordinal))))
        {
            error(field, $"@{alias} is not a declared parameter");
        }
    }

    private static void ValidatePerimeter(ReportDefinition d, SourceInfo source, Action<string, string> error)
    {
        foreach (var role in d.Roles.Where(r => !Roles.All.Contains(r, StringComparer.Ordinal) || r == Roles.Reader))
        {
            error("roles", $"'{role}' is not one of {string.Join(", ", Roles.All.Where(r => r != Roles.Reader))} (every caller is a reader)");
        }

        if (source.Roles is { Count: > 0 } restricted)
        {
            if (d.Public || d.Perimeter is not null)
            {
                error(d.Public ? "public" : "perimeter", $"{d.Source} is not ministry data: no public, no perimeter; declare 'roles' among {string.Join(", ", restricted)}");
            }
            else if (d.Roles.Count == 0 || d.Roles.Any(r => !restricted.Contains(r, StringComparer.Ordinal)))
            {
                error("roles", $"{d.Source} is restricted to the roles {string.Join(", ", restricted)}: the report must declare roles among them");
            }

            return;
        }

        if (d.Public)
        {
            if (source.PerimeterProperty is not null)
            {
                error("public", $"a report on {d.Source} cannot be public: its rows belong to ministries");
            }
        }
        else if (source.PerimeterProperty is null)
        {
            error("public", $"{d.Source} has no perimeter column: mark the report 'public: true' if anyone may read it");
        }
        else if (!string.Equals(d.Perimeter, source.PerimeterProperty, StringComparison.Ordinal))
        {
            error("perimeter", $"must be '{source.PerimeterProperty}', the ministère column of {d.Source} (found '{d.Perimeter}')");
        }
    }

    private static void ValidateParameters(ReportDefinition d, SourceInfo source, Action<string, string> error)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < d.Parameters.Count; i++)
        {
            var p = d.Parameters[i];
            var field = $"parameters[{i}]";
            if (!ParameterName().IsMatch(p.Name))
            {
                error(field + ".name", $"'{p.Name}' must be a camelCase name (letters and digits, starting with a lower-case letter)");
            }
            else if (!seen.Add(p.Name))
            {
                error(field + ".name", $"'{p.Name}' is declared twice");
            }

            if (!ParameterType.All.Contains(p.Type, StringComparer.Ordinal))
            {
                error(field + ".type", $"'{p.Type}' is not one of {string.Join(", ", ParameterType.All)}");
                continue;
            }

            if (string.IsNullOrWhiteSpace(p.Label))
            {
                error(field + ".label", "is required");
            }

            if (p.Default is "latest")
            {
                if (p.Type != ParameterType.Int || SourceProperty(source, "Exercice") is null)
                {
                    error(field + ".default", "'latest' is only for an int parameter on a source with an Exercice column");
                }
            }
            else if (p.Default is not null && !ParameterType.TryParse(p.Type, p.Default, out _, out var why))
            {
                error(field + ".default", $"'{p.Default}' is not a valid {p.Type}: {why}");
            }

            foreach (var value in p.Values.Where(v => !ParameterType.TryParse(p.Type, v, out _, out _)))
            {
                error(field + ".values", $"'{value}' is not a valid {p.Type}");
            }

            if (p.Pattern is not null && !IsRegex(p.Pattern))
            {
                error(field + ".pattern", $"'{p.Pattern}' is not a valid regular expression");
            }

            if (p.ValuesFrom is not null && SourceProperty(source, p.ValuesFrom) is null)
            {
                error(field + ".valuesFrom", $"'{p.ValuesFrom}' is not a column of {d.Source}");
            }
        }
    }

    private static Dictionary<string, ColumnKind> ValidateColumns(ReportDefinition d, SourceInfo source, Action<string, string> error)
    {
        var columns = new Dictionary<string, ColumnKind>(StringComparer.Ordinal);
        for (var i = 0; i < d.Dimensions.Count; i++)
        {
            var dim = d.Dimensions[i];
            var field = $"dimensions[{i}]";
            CheckName(dim.Name, field, ColumnKind.Dimension);
            if (SourceProperty(source, dim.Property) is null)
            {
                error(field + ".property", $"'{dim.Property}' is not a column of {d.Source}");
            }

            if (string.IsNullOrWhiteSpace(dim.Label))
            {
                error(field + ".label", "is required");
            }
        }

        if (d.Measures.Count == 0)
        {
            error("measures", "a report needs at least one measure");
        }

        for (var i = 0; i < d.Measures.Count; i++)
        {
            var m = d.Measures[i];
            var field = $"measures[{i}]";
            if (string.IsNullOrWhiteSpace(m.Label))
            {
                error(field + ".label", "is required");
            }

            if (m.Where is not null && (m.Formula is not null || IsRowMeasure(m)))
            {
                error(field + ".where", $"a condition applies to sum, count, countdistinct, min, max or average, not to {(m.Formula is null ? m.Aggregate : "a formula")}");
            }
            else if (m.Where is not null && string.IsNullOrWhiteSpace(m.Where))
            {
                error(field + ".where", "is empty");
            }

            if (m.Of is not null && !IsRowMeasure(m))
            {
                error(field + ".of", "only a share or rank measure names another measure with 'of'");
            }

            if (m.Formula is not null)
            {
                if (m.Aggregate is not null || m.Property is not null)
                {
                    error(field + ".formula", "a formula measure has no aggregate or property");
                }

                try
                {
                    foreach (var reference in MeasureFormula.References(m.Formula).Where(r => !columns.TryGetValue(r, out var kind) || kind != ColumnKind.Measure))
                    {
                        error(field + ".formula", $"'{reference}' is not a measure declared before {m.Name}");
                    }
                }
                catch (FormatException e)
                {
                    error(field + ".formula", e.Message);
                }
            }
            else if (m.Aggregate is null || !Aggregates.Contains(m.Aggregate, StringComparer.Ordinal))
            {
                error(field + ".aggregate", $"'{m.Aggregate}' is not one of {string.Join(", ", Aggregates)} (or give a formula)");
            }
            else if (IsRowMeasure(m))
            {
                ValidateOf(d, i, source, error);
            }
            else if (m.Aggregate != "count")
            {
                var property = m.Property is null ? null : SourceProperty(source, m.Property);
                if (property is null)
                {
                    error(field + ".property", $"'{m.Property}' is not a column of {d.Source}");
                }
                else if (m.Aggregate is "sum" or "average" && !IsNumeric(property.PropertyType))
                {
                    error(field + ".property", $"'{m.Property}' is not numeric: it cannot be summed or averaged");
                }
            }

            CheckName(m.Name, field, ColumnKind.Measure);
        }

        return columns;

        void CheckName(string name, string field, ColumnKind kind)
        {
            if (!PascalName().IsMatch(name) || string.Equals(name, CompiledReportBuilder.ConstantKey, StringComparison.Ordinal))
            {
                error(field + ".name", $"'{name}' must be a PascalCase name of letters and digits (and not '{CompiledReportBuilder.ConstantKey}')");
            }
            else if (!columns.TryAdd(name, kind))
            {
                error(field + ".name", $"'{name}' is already a column of the report");
            }
        }
    }

    /// <summary>
    /// A share divides by its measure's total over the report's filtered lines, which equals the sum of the rows'
    /// values only for sums, counts and their sums and differences.
    /// </summary>
    private static bool IsAdditive(MeasureDefinition m, List<MeasureDefinition> earlier)
    {
        if (m.Formula is null)
        {
            return m.Aggregate is "sum" or "count";
        }

        try
        {
            return MeasureFormula.IsSumOfMeasures(m.Formula) && MeasureFormula.References(m.Formula).All(name =>
                earlier.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal)) is { } used && IsAdditive(used, earlier));
        }
        catch (FormatException)
        {
            return false; // the formula's own error is reported on its field
        }
    }

    /// <summary>share and rank: 'of' names an earlier numeric measure computed per group (not itself a share or rank).</summary>
    private static void ValidateOf(ReportDefinition d, int index, SourceInfo source, Action<string, string> error)
    {
        var m = d.Measures[index];
        var field = $"measures[{index}]";
        if (m.Property is not null)
        {
            error(field + ".property", $"a {m.Aggregate} measure has no property: name the measure with 'of'");
        }

        var earlier = d.Measures.Take(index).ToList();
        var target = earlier.FirstOrDefault(e => string.Equals(e.Name, m.Of, StringComparison.Ordinal));
        if (string.IsNullOrWhiteSpace(m.Of))
        {
            error(field + ".of", $"a {m.Aggregate} measure names the measure it applies to with 'of'");
        }
        else if (target is null)
        {
            error(field + ".of", $"'{m.Of}' is not a measure declared before {m.Name}");
        }
        else if (DependsOnRowMeasure(target, earlier))
        {
            error(field + ".of", $"'{m.Of}' is a share or rank, or a formula using one: {m.Aggregate} applies to a measure computed per row");
        }
        else if (m.Aggregate == "share" && !IsAdditive(target, earlier))
        {
            error(field + ".of", $"'{m.Of}' does not add up over rows: a share applies to a sum or a count, or a formula that only adds and subtracts them");
        }
        else if (target.Formula is null && target.Aggregate is "min" or "max" or "sum" or "average"
            && SourceProperty(source, target.Property ?? "") is { } property && !IsNumeric(property.PropertyType))
        {
            error(field + ".of", $"'{m.Of}' is not numeric");
        }
    }

    private static bool DependsOnRowMeasure(MeasureDefinition m, List<MeasureDefinition> earlier)
    {
        if (IsRowMeasure(m))
        {
            return true;
        }

        if (m.Formula is null)
        {
            return false;
        }

        // Only measures declared before m count (as in formulas), which also rules out cycles.
        var before = earlier.Take(Math.Max(0, earlier.IndexOf(m))).ToList();
        try
        {
            return MeasureFormula.References(m.Formula).Any(r =>
                before.FirstOrDefault(e => string.Equals(e.Name, r, StringComparison.Ordinal)) is { } e && DependsOnRowMeasure(e, before));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static void ValidateOrder(ReportDefinition d, Dictionary<string, ColumnKind> columns, Action<string, string> error)
    {
        for (var i = 0; i < d.OrderBy.Count; i++)
        {
            var match = OrderItem().Match(d.OrderBy[i]);
            if (!match.Success || !columns.ContainsKey(match.Groups["name"].Value))
            {
                error($"orderBy[{i}]", $"'{d.OrderBy[i]}' must be a column of the report optionally followed by asc or desc");
            }
        }
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    internal static PropertyInfo? SourceProperty(SourceInfo source, string name) =>
        source.ClrType.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);

    private static bool IsNumeric(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(decimal) || t == typeof(int) || t == typeof(long) || t == typeof(double));
}
