using System.Diagnostics.CodeAnalysis;

namespace Infocentre.Warehouse.Identifiers;

/// <summary>
/// A compte général of the plan comptable de l'État (PCE, general-ledger account): 10 digits ("6113110000").
/// The "PCE/" prefix of Chorus exports is removed. <see cref="Classe"/> is the first digit
/// (2 immobilisations, 4 tiers, 6 charges, 7 produits...).
/// </summary>
public readonly record struct CompteGeneralCode : IIdentifier<CompteGeneralCode>
{
    private readonly string? _value;

    private CompteGeneralCode(string value) => _value = value;

    public static string Kind => "Compte général";

    public static string ExpectedFormat => "10 digits, optionally prefixed with 'PCE/', e.g. 6113110000";

    public string Value => _value ?? string.Empty;

    /// <summary>The account class, the first digit ('6' for "6113110000"); '\0' for <c>default</c>.</summary>
    public char Classe => Value.Length > 0 ? Value[0] : '\0';

    public static CompteGeneralCode Parse(string value) =>
        TryParse(value, out var result) ? result : throw new IdentifierFormatException(Kind, value, ExpectedFormat);

    public static bool TryParse([NotNullWhen(true)] string? value, out CompteGeneralCode result)
    {
        if (IdentifierText.TryTrim(value, out var trimmed))
        {
            var text = IdentifierText.WithoutPrefix(trimmed, IdentifierText.PcePrefix);
            if (IdentifierText.IsDigits(text, 10))
            {
                result = new CompteGeneralCode(text);
                return true;
            }
        }

        result = default;
        return false;
    }

    static CompteGeneralCode IParsable<CompteGeneralCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<CompteGeneralCode>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out CompteGeneralCode result) =>
        TryParse(s, out result);

    public override string ToString() => Value;
}
