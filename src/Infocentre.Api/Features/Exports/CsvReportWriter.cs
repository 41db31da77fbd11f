using System.Globalization;
using System.Text;
using Sylvan.Data.Csv;

namespace Infocentre.Api.Features.Exports;

/// <summary>The two CSV forms: French Excel (; and decimal comma, the default) and RFC 4180 (, and decimal point).</summary>
public enum CsvDialect
{
    French,
    Rfc4180,
}

/// <summary>
/// Writes a report as CSV while its rows arrive (Sylvan.Data.Csv): UTF-8 with BOM, a header row of French labels,
/// every text quoted, texts that a spreadsheet could take for a formula prefixed with an apostrophe.
/// </summary>
public static class CsvReportWriter
{
    private static readonly CultureInfo FrenchNumbers = CreateFrenchNumbers();

    /// <summary>The dialect named by the "dialect" query parameter (null or empty: French), or null if unknown.</summary>
    public static CsvDialect? ParseDialect(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "FR" or "EXCEL-FR" or "EXCEL" => CsvDialect.French,
        "RFC4180" or "RFC" or "RFC-4180" => CsvDialect.Rfc4180,
        _ => null,
    };

    /// <summary>Writes the CSV to <paramref name="output"/> (left open) and returns the number of data rows written.</summary>
    public static async Task<long> WriteAsync(
        Stream output, ExportDocument document, IAsyncEnumerable<object> rows, CsvDialect dialect, CancellationToken cancellationToken = default)
    {
        var french = dialect == CsvDialect.French;
        var options = new CsvDataWriterOptions
        {
            Delimiter = french ? ';' : ',',
            Culture = french ? FrenchNumbers : CultureInfo.InvariantCulture,
            NewLine = "\r\n",
            QuoteStrings = CsvStringQuoting.AlwaysQuoteNonEmpty,
            DateOnlyFormat = french ? "dd/MM/yyyy" : "yyyy-MM-dd",
            DateTimeFormat = french ? "dd/MM/yyyy HH:mm:ss" : "yyyy-MM-ddTHH:mm:ss",
            TrueString = french ? "VRAI" : "true",
            FalseString = french ? "FAUX" : "false",
        };

        // UTF-8 with a byte order mark: Excel reads accents right only with it.
        var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await using (text)
        {
            await using var enumerator = rows.GetAsyncEnumerator(cancellationToken);
            await using var reader = new RowDataReader(enumerator, document.RowType, document.Columns, document.Totals);
            var csv = CsvDataWriter.Create(text, options);
            await csv.WriteAsync(reader, cancellationToken);
            await text.FlushAsync(cancellationToken);
            return reader.Rows;
        }
    }

    /// <summary>Decimal comma, no digit grouping (Excel in French reads 1234,5 as a number, not "1 234,5").</summary>
    private static CultureInfo CreateFrenchNumbers()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = "";
        return CultureInfo.ReadOnly(culture);
    }
}
