using System.Globalization;

namespace Infocentre.Loading.Common;

/// <summary>The number and date formats of Chorus extracts, parsed strictly: nothing is guessed or rounded.</summary>
public static class FrenchFormats
{
    private static readonly string[] DateFormats = ["dd.MM.yyyy", "dd/MM/yyyy"];

    /// <summary>
    /// "12 615 940,52", "-1 780,46", "42": decimal comma, spaces (also no-break spaces) between thousands,
    /// at most two decimals (amounts are numeric(18,2)).
    /// </summary>
    public static bool TryParseAmount(ReadOnlySpan<char> text, out decimal amount)
    {
        amount = 0;
        Span<char> buffer = stackalloc char[40];
        var length = 0;
        var decimals = -1;
        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '\u00A0' or '\u202F')
            {
                // A separator only between digits of the integer part.
                if (digits == 0 || decimals >= 0 || i + 1 >= text.Length || !char.IsAsciiDigit(text[i + 1]))
                {
                    return false;
                }

                continue;
            }

            if (length >= buffer.Length)
            {
                return false;
            }

            if (c == '-' && length == 0)
            {
                buffer[length++] = c;
            }
            else if (c == ',' && decimals < 0 && digits > 0)
            {
                buffer[length++] = '.';
                decimals = 0;
            }
            else if (char.IsAsciiDigit(c))
            {
                buffer[length++] = c;
                digits++;
                if (decimals >= 0 && ++decimals > 2)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        return digits > 0 && decimals != 0
            && decimal.TryParse(buffer[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount);
    }

    /// <summary>"25.12.2022" or "25/12/2022".</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A positive integer without sign or separators ("5").</summary>
    public static bool TryParsePositiveInt(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    /// <summary>"#" and "Non affecté" mean "not assigned" in Chorus extracts.</summary>
    public static bool IsNotAssigned(ReadOnlySpan<char> text) =>
        text.IsEmpty || text.SequenceEqual("#") || text.Equals("Non affecté", StringComparison.OrdinalIgnoreCase);
}
