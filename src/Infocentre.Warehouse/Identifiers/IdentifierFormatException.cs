namespace Infocentre.Warehouse.Identifiers;

/// <summary>
/// Thrown when a text is not a valid identifier. The message names the kind of identifier, the value
/// received and the expected format, e.g. <c>EJ number '12345' is invalid: expected 10 digits.</c>
/// </summary>
public sealed class IdentifierFormatException : FormatException
{
    /// <summary>Values longer than this are cut in the message (the full text stays in <see cref="Value"/>).</summary>
    internal const int MaxDisplayedLength = 64;

    public IdentifierFormatException()
        : this("The identifier is invalid.")
    {
    }

    public IdentifierFormatException(string message)
        : base(message)
    {
        IdentifierKind = "identifier";
        ExpectedFormat = string.Empty;
    }

    public IdentifierFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        IdentifierKind = "identifier";
        ExpectedFormat = string.Empty;
    }

    /// <param name="identifierKind">Name of the identifier ("EJ number").</param>
    /// <param name="value">The text received, as given (may be null or blank).</param>
    /// <param name="expectedFormat">The accepted format in English ("10 digits").</param>
    /// <param name="reason">
    /// Optional detail when the shape is right but a rule fails ("the Luhn check digit is wrong").
    /// </param>
    public IdentifierFormatException(string identifierKind, string? value, string expectedFormat, string? reason = null)
        : base(BuildMessage(identifierKind, value, expectedFormat, reason))
    {
        IdentifierKind = identifierKind;
        Value = value;
        ExpectedFormat = expectedFormat;
    }

    /// <summary>Name of the identifier that failed to parse ("EJ number", "SIRET"...).</summary>
    public string IdentifierKind { get; }

    /// <summary>The text received, untrimmed; null when the input was null.</summary>
    public string? Value { get; }

    /// <summary>The accepted format, in English.</summary>
    public string ExpectedFormat { get; }

    private static string BuildMessage(string kind, string? value, string expectedFormat, string? reason)
    {
        if (value is null)
        {
            return $"{kind} is missing (null): expected {expectedFormat}.";
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{kind} is empty: expected {expectedFormat}.";
        }

        var shown = value.Length <= MaxDisplayedLength ? value : string.Concat(value.AsSpan(0, MaxDisplayedLength), "…");
        return reason is null
            ? $"{kind} '{shown}' is invalid: expected {expectedFormat}."
            : $"{kind} '{shown}' is invalid ({reason}): expected {expectedFormat}.";
    }
}
