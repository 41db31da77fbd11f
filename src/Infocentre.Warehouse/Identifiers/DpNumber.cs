using System.Diagnostics.CodeAnalysis;

namespace Infocentre.Warehouse.Identifiers;

/// <summary>
/// Number of a demande de paiement (DP, payment request): 9 digits, leading zeros kept ("100241599",
/// "000195567"). A DP number is unique only within its exercice and société.
/// </summary>
public readonly record struct DpNumber : IIdentifier<DpNumber>
{
    private readonly string? _value;

    private DpNumber(string value) => _value = value;

    public static string Kind => "DP number";

    public static string ExpectedFormat => "9 digits (leading zeros kept)";

    public string Value => _value ?? string.Empty;

    public static DpNumber Parse(string value) =>
        TryParse(value, out var result) ? result : throw new IdentifierFormatException(Kind, value, ExpectedFormat);

    public static bool TryParse([NotNullWhen(true)] string? value, out DpNumber result)
    {
        if (IdentifierText.TryTrim(value, out var text) && IdentifierText.IsDigits(text, 9))
        {
            result = new DpNumber(text);
            return true;
        }

        result = default;
        return false;
    }

    static DpNumber IParsable<DpNumber>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<DpNumber>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out DpNumber result) =>
        TryParse(s, out result);

    public override string ToString() => Value;
}
