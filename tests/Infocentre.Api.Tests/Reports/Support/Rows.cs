using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Infocentre.Api.Tests.Reports.Support;

/// <summary>
/// A row with engine- and format-neutral values: every number is a decimal, dates are yyyy-MM-dd strings,
/// texts are strings, booleans bools; a missing value is null.
/// </summary>
internal sealed class Row : Dictionary<string, object?>
{
    public Row()
        : base(StringComparer.Ordinal)
    {
    }

    public Row(IEnumerable<KeyValuePair<string, object?>> values)
        : base(StringComparer.Ordinal)
    {
        foreach (var (name, value) in values)
        {
            this[name] = Rows.Normalize(value);
        }
    }

    public decimal? Number(string column) => (decimal?)this[column];

    public string? Text(string column) => (string?)this[column];

    public override string ToString() =>
        "{" + string.Join(", ", this.Select(p => p.Key + "=" + Rows.Format(p.Value))) + "}";
}

internal static class Rows
{
    /// <summary>Two numbers are equal within this much: amounts are exact to the cent, ratios and averages differ
    /// between engines beyond the 15th decimal.</summary>
    public const decimal Tolerance = 0.000001m;

    public static List<Row> From(JsonElement array) =>
        array.EnumerateArray().Select(item => new Row(item.EnumerateObject()
            .Where(p => !p.Name.StartsWith('@'))
            .Select(p => KeyValuePair.Create(p.Name, (object?)p.Value)))).ToList();

    public static object? Normalize(object? value) => value switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.Null } => null,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDecimal(),
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        JsonElement e => e.GetRawText(),
        string s => s,
        bool b => b,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal d => d,
        int or long or short or byte or double or float => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"Unexpected value {value} ({value.GetType()})", nameof(value)),
    };

    public static bool Same(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (decimal x, decimal y) => Math.Abs(x - y) <= Tolerance,
        (null, _) or (_, null) => false,
        _ => Equals(a, b),
    };

    public static string Format(object? value) => value switch
    {
        null => "null",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        string s => "'" + s + "'",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public static string Key(Row row, IReadOnlyList<string> keyColumns) =>
        string.Join(" | ", keyColumns.Select(k => Format(row.TryGetValue(k, out var v) ? v : "<missing>")));

    /// <summary>
    /// Same rows (matched on <paramref name="keyColumns"/>, each key once on both sides), same columns, same values
    /// (numbers within <see cref="Tolerance"/>). The message lists every difference.
    /// </summary>
    public static void AssertSameSet(IReadOnlyList<Row> expected, IReadOnlyList<Row> actual, IReadOnlyList<string> keyColumns, string because = "")
    {
        var problems = new StringBuilder();
        var expectedByKey = Index(expected, keyColumns, "expected", problems);
        var actualByKey = Index(actual, keyColumns, "actual", problems);
        foreach (var key in expectedByKey.Keys.Except(actualByKey.Keys))
        {
            problems.AppendLine(CultureInfo.InvariantCulture, $"missing row {key}: {expectedByKey[key]}");
        }

        foreach (var key in actualByKey.Keys.Except(expectedByKey.Keys))
        {
            problems.AppendLine(CultureInfo.InvariantCulture, $"unexpected row {key}: {actualByKey[key]}");
        }

        foreach (var key in expectedByKey.Keys.Intersect(actualByKey.Keys))
        {
            CompareRow(key, expectedByKey[key], actualByKey[key], problems);
        }

        Assert.True(problems.Length == 0, $"{because} ({expected.Count} expected rows, {actual.Count} actual){Environment.NewLine}{problems}");
    }

    /// <summary>Same rows in the same order (and same values).</summary>
    public static void AssertSameSequence(IReadOnlyList<Row> expected, IReadOnlyList<Row> actual, string because = "")
    {
        var problems = new StringBuilder();
        if (expected.Count != actual.Count)
        {
            problems.AppendLine(CultureInfo.InvariantCulture, $"{expected.Count} rows expected, {actual.Count} found");
        }

        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            CompareRow("#" + i.ToString(CultureInfo.InvariantCulture), expected[i], actual[i], problems);
        }

        Assert.True(problems.Length == 0, $"{because}{Environment.NewLine}{problems}");
    }

    private static void CompareRow(string key, Row expected, Row actual, StringBuilder problems)
    {
        foreach (var column in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            if (!expected.TryGetValue(column, out var e))
            {
                problems.AppendLine(CultureInfo.InvariantCulture, $"row {key}: unexpected column {column}");
            }
            else if (!actual.TryGetValue(column, out var a))
            {
                problems.AppendLine(CultureInfo.InvariantCulture, $"row {key}: missing column {column}");
            }
            else if (!Same(e, a))
            {
                problems.AppendLine(CultureInfo.InvariantCulture, $"row {key}: {column} expected {Format(e)}, found {Format(a)}");
            }
        }
    }

    private static Dictionary<string, Row> Index(IReadOnlyList<Row> rows, IReadOnlyList<string> keyColumns, string side, StringBuilder problems)
    {
        var index = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = Key(row, keyColumns);
            if (!index.TryAdd(key, row))
            {
                problems.AppendLine(CultureInfo.InvariantCulture, $"{side}: key {key} appears more than once");
            }
        }

        return index;
    }

    /// <summary>Only the named columns of each row.</summary>
    public static List<Row> Project(this IEnumerable<Row> rows, params string[] columns) =>
        rows.Select(r => new Row(columns.Select(c => KeyValuePair.Create(c, r[c])))).ToList();
}
