using System.Globalization;

namespace Infocentre.Reports.Parameters;

/// <summary>The types a report parameter may declare, with their strict invariant-culture parsing and OData literal.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The constants are the type names written in report definitions.")]
public static class ParameterType
{
    public const string Int = "int";
    public const string Decimal = "decimal";
    public const string String = "string";
    public const string Date = "date";
    public const string Bool = "bool";

    public static readonly IReadOnlyList<string> All = [Int, Decimal, String, Date, Bool];

    public static Type ClrType(string type) => type switch
    {
        Int => typeof(int),
        Decimal => typeof(decimal),
        Date => typeof(DateOnly),
        Bool => typeof(bool),
        _ => typeof(string),
    };

    /// <summary>Parses <paramref name="text"/>; returns an explanation on failure.</summary>
    public static bool TryParse(string type, string text, out object? value, out string? error)
    {
        value = null;
        error = null;
        if (text.Any(char.IsControl))
        {
            error = "control characters are not accepted";
            return false;
        }

        switch (type)
        {
            case Int when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i):
                value = i;
                return true;
            case Decimal when decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d):
                value = d;
                return true;
            case Date when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                value = date;
                return true;
            case Bool when text is "true" or "false":
                value = text == "true";
                return true;
            case String when text.Length is > 0 and <= 200 && !text.Any(char.IsControl):
                value = text;
                return true;
            default:
                error = type switch
                {
                    Int => "expected an integer such as 2024",
                    Decimal => "expected a decimal number with a dot, such as 1500.50",
                    Date => "expected a date as yyyy-MM-dd",
                    Bool => "expected true or false",
                    _ => "expected a non-empty text of at most 200 characters without control characters",
                };
                return false;
        }
    }

    /// <summary>
    /// The value as an OData literal. Values are already parsed to their type, so the literal can only be a
    /// literal: raw request text never reaches the OData parser as an expression.
    /// </summary>
    public static string ToODataLiteral(object value) => value switch
    {
        int i => i.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture) + "M",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        _ => throw new ArgumentException($"Unsupported parameter value type {value.GetType()}.", nameof(value)),
    };

    public static string Format(object value) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
