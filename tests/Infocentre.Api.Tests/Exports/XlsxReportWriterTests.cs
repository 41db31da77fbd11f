using System.Globalization;
using ExcelDataReader;
using Infocentre.Api.Features.Exports;

namespace Infocentre.Api.Tests.Exports;

/// <summary>The xlsx writer alone, over synthetic rows: Excel's row limit, and what makes a text dangerous.</summary>
public sealed class XlsxReportWriterTests
{
    [Fact]
    public async Task More_rows_than_a_sheet_holds_continue_on_a_second_sheet_and_every_sheet_opens()
    {
        const int total = XlsxReportWriter.ExcelMaxRows + 1; // 1,048,577 data rows
        var document = Document(totals: true);
        var path = Path.Combine(Path.GetTempPath(), "infocentre-xlsx-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            long written;
            await using (var file = File.Create(path))
            {
                written = await XlsxReportWriter.WriteAsync(file, document, SyntheticRows(total));
            }

            Assert.Equal(total, written);
            var headerBlock = XlsxReportWriter.HeaderBlockRows(document);
            var firstSheetData = XlsxReportWriter.ExcelMaxRows - headerBlock - 1;
            System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
            await using var stream = File.OpenRead(path);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            var sheets = new List<(string Name, int Rows)>();
            long next = 1;
            do
            {
                var rows = 0;
                var header = sheets.Count == 0 ? headerBlock : 0;
                var data = reader.Name != "Description";
                while (reader.Read())
                {
                    if (!data)
                    {
                    }
                    else if (rows == header)
                    {
                        Assert.Equal("Numéro", reader.GetValue(0));
                    }
                    else if (rows > header && next <= total)
                    {
                        // Data rows, in order, typed: a number, a code kept as text, an amount, a date.
                        Assert.Equal((double)next, reader.GetValue(0));
                        Assert.Equal(Code(next), reader.GetValue(1));
                        Assert.Equal((double)Amount(next), reader.GetValue(2));
                        Assert.Equal(Day(next).ToDateTime(TimeOnly.MinValue), reader.GetValue(3));
                        next++;
                    }
                    else if (rows > header)
                    {
                        Assert.Equal("Total", reader.GetValue(1));
                        Assert.Equal((double)Enumerable.Range(1, total).Sum(i => Amount(i)), (double)reader.GetValue(2), 2);
                    }

                    rows++;
                }

                sheets.Add((reader.Name, rows));
            }
            while (reader.NextResult());

            Assert.Equal(total + 1, next);
            Assert.Equal(["SYNTH-01", "SYNTH-01 (2)", "Description"], sheets.Select(s => s.Name));
            Assert.Equal(XlsxReportWriter.ExcelMaxRows, sheets[0].Rows);
            Assert.Equal(1 + (total - firstSheetData) + 1, sheets[1].Rows); // header, the rest of the rows, totals
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("=1+1", true)]
    [InlineData("+33 1 23", true)]
    [InlineData("-12", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("\t=1", true)]
    [InlineData("\r=1", true)]
    [InlineData("\n=1", true)]
    [InlineData("0163", false)]
    [InlineData("a=b", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Texts_a_spreadsheet_could_run_are_recognised_and_prefixed(string? text, bool dangerous)
    {
        Assert.Equal(dangerous, FormulaGuard.IsDangerous(text));
        Assert.Equal(dangerous ? "'" + text : text, FormulaGuard.Neutralise(text));
    }

    [Fact]
    public void Formats_of_the_definitions_become_excel_formats()
    {
        Assert.Equal("@", new ExportColumn("Programme", "Programme", typeof(string), "text").ExcelFormat);
        Assert.Equal("0", new ExportColumn("Titre", "Titre", typeof(int), "integer").ExcelFormat);
        Assert.Equal("#,##0.00", new ExportColumn("Paye", "Payé", typeof(decimal?), "#,##0.00", isMeasure: true, summable: true).ExcelFormat);
        Assert.Equal("dd/mm/yyyy", new ExportColumn("Date", "Date", typeof(DateOnly?), "dd/MM/yyyy").ExcelFormat);
        Assert.Equal("dd/mm/yyyy", new ExportColumn("Date", "Date", typeof(DateOnly), "date").ExcelFormat);
        Assert.Equal("0.0%", new ExportColumn("Taux", "Taux", typeof(decimal?), "0.0%").ExcelFormat);
        Assert.False(new ExportColumn("Code", "Code", typeof(string), summable: true).Summable);
    }

    private static ExportDocument Document(bool totals) => new()
    {
        Code = "SYNTH-01",
        Title = "Lignes synthétiques",
        RowType = typeof(SyntheticRow),
        Columns =
        [
            new ExportColumn(nameof(SyntheticRow.Numero), "Numéro", typeof(long), "integer"),
            new ExportColumn(nameof(SyntheticRow.Code), "Code", typeof(string), "text"),
            new ExportColumn(nameof(SyntheticRow.Montant), "Montant", typeof(decimal), "#,##0.00", isMeasure: true, summable: true),
            new ExportColumn(nameof(SyntheticRow.Jour), "Jour", typeof(DateOnly), "date"),
        ],
        HeaderLines = ["Dernière mise à jour des données : inconnue", "Paramètres : (aucun)"],
        Totals = totals,
    };

    private static async IAsyncEnumerable<object> SyntheticRows(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            yield return new SyntheticRow { Numero = i, Code = Code(i), Montant = Amount(i), Jour = Day(i) };
        }

        await Task.CompletedTask;
    }

    private static string Code(long i) => (i % 10_000).ToString("0000", CultureInfo.InvariantCulture);

    private static decimal Amount(long i) => (i % 1000) + 0.25m;

    private static DateOnly Day(long i) => new DateOnly(2024, 1, 1).AddDays((int)(i % 366));

    public sealed class SyntheticRow
    {
        public long Numero { get; set; }

        public string Code { get; set; } = "";

        public decimal Montant { get; set; }

        public DateOnly Jour { get; set; }
    }
}
