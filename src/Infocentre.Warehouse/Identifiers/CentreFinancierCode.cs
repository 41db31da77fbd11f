using System.Diagnostics.CodeAnalysis;

namespace Infocentre.Warehouse.Identifiers;

/// <summary>
/// Code of a centre financier, which carries the management hierarchy "PPPP-BBBB-UUUU": programme (Chorus
/// form), BOP and UO ("0354-CDMA-CDAT"). The "BG00/" prefix of regional exports is removed.
/// </summary>
public readonly record struct CentreFinancierCode : IIdentifier<CentreFinancierCode>
{
    private const int Length = 14;

    private readonly string? _value;

    private CentreFinancierCode(string value, ProgrammeCode programme)
    {
        _value = value;
        ProgrammeCode = programme;
    }

    public static string Kind => "Centre financier code";

    public static string ExpectedFormat =>
        "PPPP-BBBB-UUUU (4-digit Chorus programme code, then 4-character BOP and UO codes in A-Z or 0-9), "
        + "optionally prefixed with 'BG00/', e.g. 0354-CDMA-CDAT";

    public string Value => _value ?? string.Empty;

    /// <summary>The programme ("0354").</summary>
    public ProgrammeCode ProgrammeCode { get; }

    /// <summary>The BOP, programme included ("0354-CDMA").</summary>
    public string BopCode => Value.Length == Length ? Value[..9] : string.Empty;

    /// <summary>The UO part, last 4 characters ("CDAT").</summary>
    public string UoCode => Value.Length == Length ? Value[10..] : string.Empty;

    public static CentreFinancierCode Parse(string value) =>
        TryParse(value, out var result) ? result : throw new IdentifierFormatException(Kind, value, ExpectedFormat);

    public static bool TryParse([NotNullWhen(true)] string? value, out CentreFinancierCode result)
    {
        if (IdentifierText.TryTrim(value, out var trimmed))
        {
            var text = IdentifierText.WithoutPrefix(trimmed, IdentifierText.BudgetGeneralPrefix);
            if (text.Length == Length
                && ProgrammeCode.TryParseChorus(text.AsSpan(0, 4), out var programme)
                && text[4] == '-'
                && IdentifierText.IsUpperAlphanumeric(text.AsSpan(5, 4))
                && text[9] == '-'
                && IdentifierText.IsUpperAlphanumeric(text.AsSpan(10, 4)))
            {
                result = new CentreFinancierCode(text, programme);
                return true;
            }
        }

        result = default;
        return false;
    }

    static CentreFinancierCode IParsable<CentreFinancierCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<CentreFinancierCode>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out CentreFinancierCode result) =>
        TryParse(s, out result);

    public override string ToString() => Value;
}
