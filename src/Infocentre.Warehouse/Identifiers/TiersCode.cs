using System.Diagnostics.CodeAnalysis;

namespace Infocentre.Warehouse.Identifiers;

/// <summary>Chorus code of a tiers (supplier, beneficiary or debtor): 10 digits ("1000972118").</summary>
public readonly record struct TiersCode : IIdentifier<TiersCode>
{
    private readonly string? _value;

    private TiersCode(string value) => _value = value;

    public static string Kind => "Tiers code";

    public static string ExpectedFormat => "10 digits";

    public string Value => _value ?? string.Empty;

    public static TiersCode Parse(string value) =>
        TryParse(value, out var result) ? result : throw new IdentifierFormatException(Kind, value, ExpectedFormat);

    public static bool TryParse([NotNullWhen(true)] string? value, out TiersCode result)
    {
        if (IdentifierText.TryTrim(value, out var text) && IdentifierText.IsDigits(text, 10))
        {
            result = new TiersCode(text);
            return true;
        }

        result = default;
        return false;
    }

    static TiersCode IParsable<TiersCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<TiersCode>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out TiersCode result) =>
        TryParse(s, out result);

    public override string ToString() => Value;
}
