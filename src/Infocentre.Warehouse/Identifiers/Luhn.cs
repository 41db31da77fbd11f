namespace Infocentre.Warehouse.Identifiers;

/// <summary>
/// The Luhn (mod 10) checksum used by SIREN and SIRET: from the rightmost digit (the check digit)
/// leftwards, every second digit is doubled, 9 is subtracted from doubles above 9, and the sum of all
/// digits must be a multiple of 10.
/// </summary>
public static class Luhn
{
    /// <summary>
    /// True when <paramref name="digits"/> is non-empty, made of ASCII digits only, and its last digit
    /// is the correct Luhn check digit for the digits before it.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (!IdentifierText.IsDigits(digits))
        {
            return false;
        }

        // The check digit itself sits in an undoubled position.
        return WeightedSum(digits, doubleRightmost: false) % 10 == 0;
    }

    /// <summary>
    /// The check digit ('0'-'9') to append to <paramref name="withoutCheck"/> so that the result passes
    /// <see cref="IsValid"/>. To build a valid SIRET: compute the SIREN's ninth digit from 8 digits, then
    /// the SIRET's last digit from the 9-digit SIREN followed by the first 4 digits of the NIC.
    /// </summary>
    /// <exception cref="ArgumentException">The text is empty or contains a character that is not an ASCII digit.</exception>
    public static char ComputeCheckDigit(ReadOnlySpan<char> withoutCheck)
    {
        if (!IdentifierText.IsDigits(withoutCheck))
        {
            throw new ArgumentException(
                "Expected at least one character, all ASCII digits 0-9.", nameof(withoutCheck));
        }

        // Once the check digit is appended, the current rightmost digit moves to a doubled position.
        var sum = WeightedSum(withoutCheck, doubleRightmost: true);
        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    private static int WeightedSum(ReadOnlySpan<char> digits, bool doubleRightmost)
    {
        var sum = 0;
        var doubled = doubleRightmost;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return sum;
    }
}
