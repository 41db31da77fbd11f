using System.Diagnostics.CodeAnalysis;

namespace Infocentre.Warehouse.Identifiers;

/// <summary>
/// SIRET, the INSEE number of an establishment: the 9-digit <see cref="Siren"/> followed by a 5-digit
/// <see cref="Nic"/> ("13000326200024"). Chorus carries it in the supplier's "Code taxe 1".
/// </summary>
/// <remarks>
/// Both the SIREN and the whole SIRET must pass the Luhn check. Documented exception: La Poste
/// (SIREN 356000000) numbers its establishments so that the sum of the 14 digits is a multiple of 5
/// instead; its head office (35600000000048) still passes the Luhn check. A La Poste SIRET is therefore
/// accepted when it satisfies either rule.
/// </remarks>
public readonly record struct Siret : IIdentifier<Siret>
{
    /// <summary>SIREN of La Poste, whose establishments do not follow the Luhn rule.</summary>
    public const string LaPosteSiren = "356000000";

    private const int Length = 14;

    private readonly string? _value;

    private Siret(string value) => _value = value;

    public static string Kind => "SIRET";

    public static string ExpectedFormat =>
        "14 digits (9-digit SIREN + 5-digit NIC) passing the Luhn check "
        + "(for La Poste, SIREN 356000000: a digit sum that is a multiple of 5), e.g. 13000326200024";

    public string Value => _value ?? string.Empty;

    /// <summary>The legal unit, first 9 digits ("130003262").</summary>
    public Siren Siren => Value.Length == Length ? new Siren(Value[..Siren.Length]) : default;

    /// <summary>Numéro interne de classement, the last 5 digits ("00024").</summary>
    public string Nic => Value.Length == Length ? Value[Siren.Length..] : string.Empty;

    public static Siret Parse(string value) =>
        TryParse(value, out var result, out var reason)
            ? result
            : throw new IdentifierFormatException(Kind, value, ExpectedFormat, reason);

    public static bool TryParse([NotNullWhen(true)] string? value, out Siret result) => TryParse(value, out result, out _);

    private static bool TryParse([NotNullWhen(true)] string? value, out Siret result, out string? reason)
    {
        result = default;
        reason = null;
        if (!IdentifierText.TryTrim(value, out var text) || !IdentifierText.IsDigits(text, Length))
        {
            return false;
        }

        var siren = text.AsSpan(0, Siren.Length);
        if (!Luhn.IsValid(siren))
        {
            reason = $"its SIREN {siren} fails the Luhn check";
            return false;
        }

        var isLaPoste = siren.SequenceEqual(LaPosteSiren);
        if (!Luhn.IsValid(text) && !(isLaPoste && DigitSum(text) % 5 == 0))
        {
            reason = isLaPoste
                ? "La Poste SIRET that fails the Luhn check and whose digit sum is not a multiple of 5"
                : Siren.LuhnFailure;
            return false;
        }

        result = new Siret(text);
        return true;
    }

    private static int DigitSum(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        foreach (var c in digits)
        {
            sum += c - '0';
        }

        return sum;
    }

    static Siret IParsable<Siret>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Siret>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out Siret result) =>
        TryParse(s, out result);

    public override string ToString() => Value;
}
