using System.Diagnostics.CodeAnalysis;

namespace Infocentre.Warehouse.Identifiers;

/// <summary>
/// Number of an engagement juridique (EJ, legal commitment): 10 digits, leading zeros kept
/// ("2104453606", "0001821732").
/// </summary>
public readonly record struct EjNumber : IIdentifier<EjNumber>
{
    private readonly string? _value;

    private EjNumber(string value) => _value = value;

    public static string Kind => "EJ number";

    public static string ExpectedFormat => "10 digits";

    public string Value => _value ?? string.Empty;

    public static EjNumber Parse(string value) =>
        TryParse(value, out var result) ? result : throw new IdentifierFormatException(Kind, value, ExpectedFormat);

    public static bool TryParse([NotNullWhen(true)] string? value, out EjNumber result)
    {
        if (IdentifierText.TryTrim(value, out var text) && IdentifierText.IsDigits(text, 10))
        {
            result = new EjNumber(text);
            return true;
        }

        result = default;
        return false;
    }

    static EjNumber IParsable<EjNumber>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<EjNumber>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out EjNumber result) =>
        TryParse(s, out result);

    public override string ToString() => Value;
}
