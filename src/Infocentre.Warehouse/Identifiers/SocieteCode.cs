using System.Diagnostics.CodeAnalysis;

namespace Infocentre.Warehouse.Identifiers;

/// <summary>Code of a Chorus société (entité comptable): 4 upper-case letters or digits ("ADCE", "IDF1", "DOM1").</summary>
public readonly record struct SocieteCode : IIdentifier<SocieteCode>
{
    private readonly string? _value;

    private SocieteCode(string value) => _value = value;

    public static string Kind => "Société code";

    public static string ExpectedFormat => "4 characters A-Z or 0-9, e.g. ADCE";

    public string Value => _value ?? string.Empty;

    public static SocieteCode Parse(string value) =>
        TryParse(value, out var result) ? result : throw new IdentifierFormatException(Kind, value, ExpectedFormat);

    public static bool TryParse([NotNullWhen(true)] string? value, out SocieteCode result)
    {
        if (IdentifierText.TryTrim(value, out var text) && text.Length == 4 && IdentifierText.IsUpperAlphanumeric(text))
        {
            result = new SocieteCode(text);
            return true;
        }

        result = default;
        return false;
    }

    static SocieteCode IParsable<SocieteCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<SocieteCode>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out SocieteCode result) =>
        TryParse(s, out result);

    public override string ToString() => Value;
}
