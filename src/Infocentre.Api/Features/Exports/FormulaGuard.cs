using System.Buffers;

namespace Infocentre.Api.Features.Exports;

/// <summary>
/// Spreadsheet formula injection (OWASP "CSV Injection"): a text starting with =, +, -, @, Tab, CR or LF can run as
/// a formula when a spreadsheet opens the file. xlsx cells are typed (text is never a formula there); CSV has no
/// types, so such a text is prefixed with an apostrophe (and quoted, like every text of a CSV export).
/// </summary>
public static class FormulaGuard
{
    private static readonly SearchValues<char> Triggers = SearchValues.Create("=+-@\t\r\n");

    public static bool IsDangerous(string? text) => !string.IsNullOrEmpty(text) && Triggers.Contains(text[0]);

    /// <summary>The text itself, or the text after an apostrophe when a spreadsheet could take it for a formula.</summary>
    public static string? Neutralise(string? text) => IsDangerous(text) ? "'" + text : text;
}
