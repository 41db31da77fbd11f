using System.Diagnostics.CodeAnalysis;

namespace Infocentre.Warehouse.Identifiers;

/// <summary>
/// Code of a centre de coûts (cost centre, the analytical axis): 10 upper-case letters or digits
/// ("ADCSDAT075", "DREETS0035"). The "BG00/" prefix of regional exports is removed.
/// </summary>
public readonly record struct CentreCoutsCode : IIdentifier<CentreCoutsCode>
{
    private readonly string? _value;

    private CentreCoutsCode(string value) => _value = value;

    public static string Kind => "Centre de coûts code";

    public static string ExpectedFormat => "10 characters A-Z or 0-9, optionally prefixed with 'BG00/', e.g. ADCSDAT075";

    public string Value => _value ?? string.Empty;

    public static CentreCoutsCode Parse(string value) =>
        TryParse(value, out var result) ? result : throw new IdentifierFormatException(Kind, value, ExpectedFormat);

    public static bool TryParse([NotNullWhen(true)] string? value, out CentreCoutsCode result)
    {
        if (IdentifierText.TryTrim(value, out var trimmed))
        {
            var text = IdentifierText.WithoutPrefix(trimmed, IdentifierText.BudgetGeneralPrefix);
            if (text.Length == 10 && IdentifierText.IsUpperAlphanumeric(text))
            {
                result = new CentreCoutsCode(text);
                return true;
            }
        }

        result = default;
        return false;
    }

    static CentreCoutsCode IParsable<CentreCoutsCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<CentreCoutsCode>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out CentreCoutsCode result) =>
        TryParse(s, out result);

    public override string ToString() => Value;
}
