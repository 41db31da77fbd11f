using System.Diagnostics.CodeAnalysis;

namespace Infocentre.Warehouse.Identifiers;

/// <summary>
/// Code of an activité of the référentiel de programmation: 12 digits, the Chorus programme code followed by
/// 2 digits each for the OS, OP, OB and activité ("035401010301"). Each level's code is a prefix:
/// OS = 6 digits, OP = 8, OB = 10. The "BG00/" prefix of regional exports is removed.
/// </summary>
public readonly record struct ActiviteCode : IIdentifier<ActiviteCode>
{
    private const int Length = 12;

    private readonly string? _value;

    private ActiviteCode(string value, ProgrammeCode programme)
    {
        _value = value;
        ProgrammeCode = programme;
    }

    public static string Kind => "Activité code";

    public static string ExpectedFormat =>
        "12 digits starting with the 4-digit Chorus programme code (PPPP + OS, OP, OB, activité, 2 digits each), "
        + "optionally prefixed with 'BG00/', e.g. 035401010301";

    public string Value => _value ?? string.Empty;

    /// <summary>The programme ("0354").</summary>
    public ProgrammeCode ProgrammeCode { get; }

    /// <summary>Opération stratégique, 6 digits ("035401").</summary>
    public string OsCode => Prefix(6);

    /// <summary>Opération programmée, 8 digits ("03540101").</summary>
    public string OpCode => Prefix(8);

    /// <summary>Opération budgétée, 10 digits ("0354010103").</summary>
    public string ObCode => Prefix(10);

    public static ActiviteCode Parse(string value) =>
        TryParse(value, out var result) ? result : throw new IdentifierFormatException(Kind, value, ExpectedFormat);

    public static bool TryParse([NotNullWhen(true)] string? value, out ActiviteCode result)
    {
        if (IdentifierText.TryTrim(value, out var trimmed))
        {
            var text = IdentifierText.WithoutPrefix(trimmed, IdentifierText.BudgetGeneralPrefix);
            if (IdentifierText.IsDigits(text, Length) && ProgrammeCode.TryParseChorus(text.AsSpan(0, 4), out var programme))
            {
                result = new ActiviteCode(text, programme);
                return true;
            }
        }

        result = default;
        return false;
    }

    private string Prefix(int length) => Value.Length == Length ? Value[..length] : string.Empty;

    static ActiviteCode IParsable<ActiviteCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<ActiviteCode>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out ActiviteCode result) =>
        TryParse(s, out result);

    public override string ToString() => Value;
}
