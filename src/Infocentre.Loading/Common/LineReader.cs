using Infocentre.Warehouse.Identifiers;

namespace Infocentre.Loading.Common;

/// <summary>
/// Reads the fields of one line and records why a value is refused (rule, line, column, value). Each
/// <c>Try</c>/<c>Required</c> call returns null/false and records a finding when the value is bad, so a
/// line reports all its problems, then is rejected as a whole.
/// </summary>
public sealed class LineReader(LoadSession session)
{
    private Func<int, string>? field;
    private Func<int, string>? columnName;

    public long Line { get; private set; }

    public bool HasErrors { get; private set; }

    public void Start(long line, Func<int, string> fieldAt, Func<int, string> nameOf)
    {
        Line = line;
        field = fieldAt;
        columnName = nameOf;
        HasErrors = false;
    }

    public string Raw(int ordinal) => field!(ordinal).Trim();

    public void Error(DataQualityRule rule, int ordinal, string value, string message)
    {
        HasErrors = true;
        session.Reject(rule, Line, columnName!(ordinal), value, message);
    }

    public void Warning(DataQualityRule rule, int ordinal, string value, string message) =>
        session.Warn(rule, Line, columnName!(ordinal), value, message);

    /// <summary>The text of a mandatory column ("#" is refused).</summary>
    public string? Text(int ordinal, int maxLength = 200)
    {
        var raw = Raw(ordinal);
        if (FrenchFormats.IsNotAssigned(raw))
        {
            Error(DataQualityRules.MissingValue, ordinal, raw, $"{columnName!(ordinal)} is required.");
            return null;
        }

        if (raw.Length > maxLength)
        {
            Error(DataQualityRules.MalformedValue, ordinal, raw[..maxLength], $"Longer than {maxLength} characters.");
            return null;
        }

        return raw;
    }

    /// <summary>An identifier in its canonical form, or null (with a finding) when it is missing or malformed.</summary>
    public T? Id<T>(int ordinal, bool optional = false)
        where T : struct, IIdentifier<T>
    {
        var raw = Raw(ordinal);
        if (FrenchFormats.IsNotAssigned(raw))
        {
            if (!optional)
            {
                Error(DataQualityRules.MissingValue, ordinal, raw, $"{T.Kind} is required.");
            }

            return null;
        }

        if (T.TryParse(raw, out var value))
        {
            return value;
        }

        string message;
        try
        {
            T.Parse(raw);
            message = $"{T.Kind} is invalid.";
        }
        catch (IdentifierFormatException e)
        {
            message = e.Message;
        }

        Error(DataQualityRules.MalformedIdentifier, ordinal, raw, message);
        return null;
    }

    /// <summary>A code that must exist in <paramref name="known"/> (DQ-004 otherwise).</summary>
    public string? Known(string? code, int ordinal, IReadOnlySet<string> known, string referential)
    {
        if (code is not null && !known.Contains(code))
        {
            Error(DataQualityRules.UnknownReferentialCode, ordinal, code, $"Unknown {referential} '{code}'.");
            return null;
        }

        return code;
    }

    public decimal? Amount(int ordinal)
    {
        var raw = Raw(ordinal);
        if (FrenchFormats.TryParseAmount(raw, out var amount))
        {
            return amount;
        }

        Error(raw.Length == 0 ? DataQualityRules.MissingValue : DataQualityRules.MalformedValue, ordinal, raw,
            "Expected an amount with a decimal comma and at most 2 decimals (12 615 940,52).");
        return null;
    }

    public DateOnly? Date(int ordinal, bool optional = false)
    {
        var raw = Raw(ordinal);
        if (optional && FrenchFormats.IsNotAssigned(raw))
        {
            return null;
        }

        if (FrenchFormats.TryParseDate(raw, out var date))
        {
            return date;
        }

        Error(FrenchFormats.IsNotAssigned(raw) ? DataQualityRules.MissingValue : DataQualityRules.MalformedValue, ordinal, raw,
            "Expected a date dd.MM.yyyy or dd/MM/yyyy.");
        return null;
    }

    public int? PositiveInt(int ordinal, bool optional = false)
    {
        var raw = Raw(ordinal);
        if (optional && FrenchFormats.IsNotAssigned(raw))
        {
            return null;
        }

        if (FrenchFormats.TryParsePositiveInt(raw, out var value))
        {
            return value;
        }

        Error(FrenchFormats.IsNotAssigned(raw) ? DataQualityRules.MissingValue : DataQualityRules.MalformedValue, ordinal, raw,
            "Expected a positive whole number.");
        return null;
    }
}
