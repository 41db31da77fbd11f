using System.Diagnostics.CodeAnalysis;

namespace Infocentre.Warehouse.Identifiers;

/// <summary>
/// SIREN, the INSEE number of a legal unit (company, association, public body): 9 digits whose last digit
/// is a Luhn check digit ("130003262").
/// </summary>
public readonly record struct Siren : IIdentifier<Siren>
{
    internal const int Length = 9;
    internal const string LuhnFailure = "the Luhn check digit is wrong";

    private readonly string? _value;

    /// <summary>For values already validated (the first 9 digits of a valid <see cref="Siret"/>).</summary>
    internal Siren(string value) => _value = value;

    public static string Kind => "SIREN";

    public static string ExpectedFormat => "9 digits, the last one a Luhn check digit, e.g. 130003262";

    public string Value => _value ?? string.Empty;

    public static Siren Parse(string value) =>
        TryParse(value, out var result, out var reason)
            ? result
            : throw new IdentifierFormatException(Kind, value, ExpectedFormat, reason);

    public static bool TryParse([NotNullWhen(true)] string? value, out Siren result) => TryParse(value, out result, out _);

    private static bool TryParse([NotNullWhen(true)] string? value, out Siren result, out string? reason)
    {
        result = default;
        reason = null;
        if (!IdentifierText.TryTrim(value, out var text) || !IdentifierText.IsDigits(text, Length))
        {
            return false;
        }

        if (!Luhn.IsValid(text))
        {
            reason = LuhnFailure;
            return false;
        }

        result = new Siren(text);
        return true;
    }

    static Siren IParsable<Siren>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Siren>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out Siren result) =>
        TryParse(s, out result);

    public override string ToString() => Value;
}
