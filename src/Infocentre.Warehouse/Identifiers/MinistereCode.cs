using System.Diagnostics.CodeAnalysis;

namespace Infocentre.Warehouse.Identifiers;

/// <summary>Code of a ministère in the Chorus referential: "MIN" and 2 digits ("MIN10", sigle MINJU).</summary>
public readonly record struct MinistereCode : IIdentifier<MinistereCode>
{
    private const string Prefix = "MIN";

    private readonly string? _value;

    private MinistereCode(string value) => _value = value;

    public static string Kind => "Ministère code";

    public static string ExpectedFormat => "MIN followed by 2 digits, e.g. MIN10";

    public string Value => _value ?? string.Empty;

    public static MinistereCode Parse(string value) =>
        TryParse(value, out var result) ? result : throw new IdentifierFormatException(Kind, value, ExpectedFormat);

    public static bool TryParse([NotNullWhen(true)] string? value, out MinistereCode result)
    {
        if (IdentifierText.TryTrim(value, out var text)
            && text.Length == 5
            && text.StartsWith(Prefix, StringComparison.Ordinal)
            && IdentifierText.IsDigits(text.AsSpan(3)))
        {
            result = new MinistereCode(text);
            return true;
        }

        result = default;
        return false;
    }

    static MinistereCode IParsable<MinistereCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<MinistereCode>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out MinistereCode result) =>
        TryParse(s, out result);

    public override string ToString() => Value;
}
