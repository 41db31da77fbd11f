using System.Diagnostics.CodeAnalysis;

namespace Infocentre.Warehouse.Identifiers;

/// <summary>
/// Code of a domaine fonctionnel (DF), which carries the LOLF destination: an action "PPPP-AA" ("0354-02")
/// or a sous-action "PPPP-AA-SS" ("0103-01-01"), with the programme in its 4-digit Chorus form.
/// </summary>
public readonly record struct DomaineFonctionnelCode : IIdentifier<DomaineFonctionnelCode>
{
    private const int ActionLength = 7;
    private const int SousActionLength = 10;

    private readonly string? _value;

    private DomaineFonctionnelCode(string value, ProgrammeCode programme)
    {
        _value = value;
        ProgrammeCode = programme;
    }

    public static string Kind => "Domaine fonctionnel code";

    public static string ExpectedFormat =>
        "PPPP-AA or PPPP-AA-SS (4-digit Chorus programme code, 2-digit action, optional 2-digit sous-action), "
        + "e.g. 0354-02 or 0103-01-01";

    public string Value => _value ?? string.Empty;

    /// <summary>The programme the DF belongs to ("0354").</summary>
    public ProgrammeCode ProgrammeCode { get; }

    /// <summary>The action-level DF code, "PPPP-AA" ("0103-01" for "0103-01-01"; itself for an action).</summary>
    public string ActionCode => Value.Length >= ActionLength ? Value[..ActionLength] : string.Empty;

    /// <summary>True for a sous-action ("PPPP-AA-SS"), false for an action ("PPPP-AA").</summary>
    public bool IsSousAction => Value.Length == SousActionLength;

    public static DomaineFonctionnelCode Parse(string value) =>
        TryParse(value, out var result) ? result : throw new IdentifierFormatException(Kind, value, ExpectedFormat);

    public static bool TryParse([NotNullWhen(true)] string? value, out DomaineFonctionnelCode result)
    {
        if (IdentifierText.TryTrim(value, out var text)
            && text.Length is ActionLength or SousActionLength
            && ProgrammeCode.TryParseChorus(text.AsSpan(0, 4), out var programme)
            && text[4] == '-'
            && IdentifierText.IsDigits(text.AsSpan(5, 2))
            && (text.Length == ActionLength || (text[7] == '-' && IdentifierText.IsDigits(text.AsSpan(8, 2)))))
        {
            result = new DomaineFonctionnelCode(text, programme);
            return true;
        }

        result = default;
        return false;
    }

    static DomaineFonctionnelCode IParsable<DomaineFonctionnelCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<DomaineFonctionnelCode>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out DomaineFonctionnelCode result) =>
        TryParse(s, out result);

    public override string ToString() => Value;
}
