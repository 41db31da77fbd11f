using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Infocentre.Warehouse.Identifiers;

/// <summary>
/// Code of a LOLF programme. The LOLF writes it with 3 digits ("163"); Chorus pads it to 4 ("0163").
/// Both forms are accepted; <see cref="Value"/> is the Chorus form, so <c>Parse("163") == Parse("0163")</c>.
/// </summary>
public readonly record struct ProgrammeCode : IIdentifier<ProgrammeCode>
{
    private readonly string? _value;

    private ProgrammeCode(string chorusCode, int number)
    {
        _value = chorusCode;
        Number = number;
    }

    public static string Kind => "Programme code";

    public static string ExpectedFormat =>
        "3 digits (LOLF form, e.g. 163) or 4 digits starting with 0 (Chorus form, e.g. 0163), not all zeros";

    /// <summary>The Chorus form, 4 digits ("0163").</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The programme number (163).</summary>
    public int Number { get; }

    /// <summary>The Chorus form, 4 digits ("0163"); same as <see cref="Value"/>.</summary>
    public string ChorusCode => Value;

    /// <summary>The LOLF form, 3 digits ("163").</summary>
    public string LolfCode => Value.Length == 4 ? Value[1..] : string.Empty;

    /// <summary>The programme with LOLF number <paramref name="number"/> (1 to 999).</summary>
    public static ProgrammeCode FromNumber(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 999);
        return new ProgrammeCode(number.ToString("D4", CultureInfo.InvariantCulture), number);
    }

    public static ProgrammeCode Parse(string value) =>
        TryParse(value, out var result) ? result : throw new IdentifierFormatException(Kind, value, ExpectedFormat);

    public static bool TryParse([NotNullWhen(true)] string? value, out ProgrammeCode result)
    {
        if (IdentifierText.TryTrim(value, out var text))
        {
            if (text.Length == 3 && IdentifierText.IsDigits(text))
            {
                return TryCreate(text, out result);
            }

            if (text.Length == 4)
            {
                return TryParseChorus(text, out result);
            }
        }

        result = default;
        return false;
    }

    /// <summary>Parses the 4-digit Chorus form that opens DF, centre financier and activité codes.</summary>
    internal static bool TryParseChorus(ReadOnlySpan<char> fourDigits, out ProgrammeCode result)
    {
        if (fourDigits.Length == 4 && fourDigits[0] == '0' && IdentifierText.IsDigits(fourDigits))
        {
            return TryCreate(fourDigits[1..], out result);
        }

        result = default;
        return false;
    }

    private static bool TryCreate(ReadOnlySpan<char> threeDigits, out ProgrammeCode result)
    {
        var number = IdentifierText.ToInt32(threeDigits);
        if (number == 0)
        {
            result = default;
            return false;
        }

        result = new ProgrammeCode(string.Concat("0", threeDigits), number);
        return true;
    }

    static ProgrammeCode IParsable<ProgrammeCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<ProgrammeCode>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out ProgrammeCode result) =>
        TryParse(s, out result);

    public override string ToString() => Value;
}
