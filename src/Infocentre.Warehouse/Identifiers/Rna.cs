using System.Diagnostics.CodeAnalysis;

namespace Infocentre.Warehouse.Identifiers;

/// <summary>
/// Number of an association in the Répertoire national des associations (RNA): "W", a digit, a digit or
/// letter, then 7 digits, 10 characters in all ("W751234567"). Same rule as Data.Subvention's <c>^W\d[A-Z\d]\d{7}$</c>.
/// </summary>
public readonly record struct Rna : IIdentifier<Rna>
{
    private readonly string? _value;

    private Rna(string value) => _value = value;

    public static string Kind => "RNA number";

    public static string ExpectedFormat =>
        "10 characters: W, a digit, a digit or letter A-Z, then 7 digits, e.g. W751234567";

    public string Value => _value ?? string.Empty;

    public static Rna Parse(string value) =>
        TryParse(value, out var result) ? result : throw new IdentifierFormatException(Kind, value, ExpectedFormat);

    public static bool TryParse([NotNullWhen(true)] string? value, out Rna result)
    {
        if (IdentifierText.TryTrim(value, out var text)
            && text.Length == 10
            && text[0] == 'W'
            && char.IsAsciiDigit(text[1])
            && (char.IsAsciiDigit(text[2]) || char.IsAsciiLetterUpper(text[2]))
            && IdentifierText.IsDigits(text.AsSpan(3)))
        {
            result = new Rna(text);
            return true;
        }

        result = default;
        return false;
    }

    static Rna IParsable<Rna>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Rna>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out Rna result) =>
        TryParse(s, out result);

    public override string ToString() => Value;
}
