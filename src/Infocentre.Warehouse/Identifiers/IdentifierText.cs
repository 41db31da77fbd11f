using System.Diagnostics.CodeAnalysis;

namespace Infocentre.Warehouse.Identifiers;

/// <summary>Culture-invariant character checks shared by the identifier parsers.</summary>
internal static class IdentifierText
{
    /// <summary>
    /// Prefix (the budget-général périmètre) that Chorus regional exports put before centre financier,
    /// centre de coûts and activité codes.
    /// </summary>
    public const string BudgetGeneralPrefix = "BG00/";

    /// <summary>Chorus exports prefix general-ledger accounts with the plan comptable de l'État.</summary>
    public const string PcePrefix = "PCE/";

    /// <summary>Trims surrounding whitespace; false for null, empty or blank text.</summary>
    public static bool TryTrim([NotNullWhen(true)] string? input, [NotNullWhen(true)] out string? trimmed)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            trimmed = null;
            return false;
        }

        trimmed = input.Trim();
        return true;
    }

    /// <summary>Removes <paramref name="prefix"/> (ordinal, case-sensitive) when the text starts with it.</summary>
    public static string WithoutPrefix(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;

    /// <summary>True when the span is non-empty and made of ASCII digits 0-9 only.</summary>
    public static bool IsDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the span has exactly <paramref name="length"/> ASCII digits.</summary>
    public static bool IsDigits(ReadOnlySpan<char> text, int length) => text.Length == length && IsDigits(text);

    /// <summary>True when the span is non-empty and made of ASCII upper-case letters A-Z and digits 0-9 only.</summary>
    public static bool IsUpperAlphanumeric(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Value of a span of ASCII digits (at most 9). Callers check <see cref="IsDigits(ReadOnlySpan{char})"/> first.
    /// </summary>
    public static int ToInt32(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var c in digits)
        {
            n = (n * 10) + (c - '0');
        }

        return n;
    }
}
