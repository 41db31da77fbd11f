using System.Globalization;

namespace Infocentre.Warehouse.Bulk;

/// <summary>
/// Decimals and dates as Microsoft.Data.Sqlite stores them as text (format "0.0###########################" and
/// "yyyy-MM-dd"), written without the custom-format parser of the BCL, which was 6 % of a bulk insert.
/// </summary>
internal static class StoredText
{
    /// <summary>Enough for any decimal (29 digits, sign, point) and any date.</summary>
    public const int MaxLength = 34;

    public static ReadOnlySpan<char> Format(decimal value, Span<char> buffer)
    {
        // The general format of a decimal is fixed-point and keeps the trailing zeros of its scale; the stored form
        // has at least one decimal and no trailing zero beyond it.
        if (!value.TryFormat(buffer, out var length, default, CultureInfo.InvariantCulture))
        {
            throw new ArgumentException($"The buffer is shorter than {MaxLength} characters.", nameof(buffer));
        }

        var point = buffer[..length].IndexOf('.');
        if (point < 0)
        {
            buffer[length++] = '.';
            buffer[length++] = '0';
            return buffer[..length];
        }

        while (length > point + 2 && buffer[length - 1] == '0')
        {
            length--;
        }

        return buffer[..length];
    }

    public static ReadOnlySpan<char> Format(DateOnly value, Span<char> buffer)
    {
        Digits(buffer[..4], value.Year);
        buffer[4] = '-';
        Digits(buffer.Slice(5, 2), value.Month);
        buffer[7] = '-';
        Digits(buffer.Slice(8, 2), value.Day);
        return buffer[..10];
    }

    private static void Digits(Span<char> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
