using System.Globalization;
using System.Net;
using Infocentre.Api.Features.Exports;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Exports;

/// <summary>
/// GET /api/reports/{code}/export.xlsx and .csv: read back with real reader libraries, every cell equals the REST
/// rows of the same request; layout, headers, totals, dialects, empty results and refused requests.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class ExportTests(TinyWarehouses warehouses)
{
    public static TheoryData<WarehouseProvider, string> ReportsOnBothEngines() => ReportGoldenTests.ReportsOnBothEngines();

    /// <summary>INF-CGE-01 without "periode" fails on every route (see ReportGoldenTests): exported with it.</summary>
    private static string DefaultQuery(string code) => code == "INF-CGE-01" ? "?periode=12" : "";

    [Theory]
    [MemberData(nameof(ReportsOnBothEngines))]
    public async Task Xlsx_cells_equal_the_rest_rows_of_the_same_request(WarehouseProvider provider, string code)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var columns = await ExportFiles.ColumnsAsync(app.Client, code);
        var expected = await ExportFiles.RestRowsAsync(app.Client, code, DefaultQuery(code), columns);

        var file = await app.Client.DownloadOkAsync($"/api/reports/{code}/export.xlsx{DefaultQuery(code)}");

        var sheets = ExportFiles.ReadXlsx(file.Body);
        Assert.Equal([code, "Description"], sheets.Select(s => s.Name));
        var (rows, _) = ExportFiles.DataRows(sheets, columns);
        Assert.NotEmpty(rows);
        Rows.AssertSameSequence(expected, rows, $"{code} xlsx = REST on {provider}");
        ExportFiles.AssertTyped(sheets, columns);
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Xlsx_with_parameters_filter_order_and_totals_equals_rest_and_sums_the_measures(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var exercice = await Expected.LatestExerciceAsync(app.Warehouse, "INF-BUD-53");
        var programme = (await Expected.ExecutionLinesAsync(app.Warehouse, exercice)).GroupBy(l => l.Programme).OrderByDescending(g => g.Count()).First().Key;
        var query = Http.Query(("exercice", exercice.Invariant()), ("programme", programme), ("filter", "Paye gt 0"), ("orderby", "Paye desc,NumeroEj"));
        var columns = await ExportFiles.ColumnsAsync(app.Client, "INF-BUD-53");
        var expected = await ExportFiles.RestRowsAsync(app.Client, "INF-BUD-53", query, columns);
        Assert.True(expected.Count >= 2, $"{expected.Count} rows only");

        var file = await app.Client.DownloadOkAsync("/api/reports/INF-BUD-53/export.xlsx" + query + "&totals=true");

        var sheets = ExportFiles.ReadXlsx(file.Body);
        var (rows, totals) = ExportFiles.DataRows(sheets, columns, totals: true);
        Rows.AssertSameSequence(expected, rows, $"xlsx = REST on {provider}");
        ExportFiles.AssertTyped(sheets, columns, totals: true);
        Assert.NotNull(totals);
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (column.Kind == "measure")
            {
                // Every measure of INF-BUD-53 is a sum or a difference of sums: all have a total.
                var sum = expected.Sum(r => r.Number(column.Name) ?? 0);
                Assert.True(totals[i] is double total && Math.Abs((decimal)total - sum) < 0.005m, $"total of {column.Name}: {totals[i]} instead of {sum}");
            }
            else
            {
                Assert.Equal(i == 0 ? "Total" : null, totals[i]);
            }
        }

        var lines = sheets[0].Rows.Take(ExportFiles.HeaderRowIndex).Select(r => r[0] as string).ToList();
        Assert.Contains($"Paramètres : Exercice comptable = {exercice.Invariant()} ; Programme = {programme} ; Centre financier = (tous)", lines);
        Assert.Contains("Filtre : Paye gt 0", lines);
        Assert.Contains("Tri : Paye desc,NumeroEj", lines);
    }

    [Fact]
    public async Task Header_block_names_report_data_load_parameters_perimeter_and_generation_time()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var rest = await app.Client.GetOkAsync("/api/reports/INF-BUD-40/rows");
        var loaded = DateTime.Parse(rest.Header("X-Data-Last-Loaded")!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var before = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris);

        var file = await app.Client.DownloadOkAsync("/api/reports/INF-BUD-40/export.xlsx");

        var after = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris);
        var lines = ExportFiles.ReadXlsx(file.Body)[0].Rows.Take(ExportFiles.HeaderRowIndex + 1).Select(r => r[0] as string).ToList();
        var exercice = rest.Json.GetProperty("parameters").GetProperty("exercice").GetInt32();
        Assert.Equal("INF-BUD-40 - Consommation des crédits par programme", lines[0]);
        Assert.Equal("Dernière mise à jour des données : " + TimeZoneInfo.ConvertTimeFromUtc(loaded, paris).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + " (heure de Paris)", lines[1]);
        Assert.Equal($"Paramètres : Exercice comptable = {exercice.Invariant()} ; Ministère = (tous)", lines[2]);
        Assert.Equal("Filtre : (aucun)", lines[3]);
        Assert.Equal("Tri : Ministere, Programme (par défaut)", lines[4]);
        Assert.Equal("Périmètre : interministériel", lines[5]);
        Assert.Matches(@"^Généré le : \d\d/\d\d/\d{4} \d\d:\d\d \(heure de Paris\)$", lines[6]);
        var generated = DateTime.ParseExact(lines[6]![12..28], "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        Assert.InRange(generated, before.DateTime.AddMinutes(-1), after.DateTime);
        Assert.Null(lines[7]);
        Assert.Equal("Ministère", lines[8]);

        var name = ContentDispositionFileName(file);
        Assert.Matches($"^INF-BUD-40_{exercice.Invariant()}_\\d{{8}}-\\d{{4}}\\.xlsx$", name);
        Assert.Equal(generated.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture), name[(name.LastIndexOf('_') + 1)..^5]);
        Assert.Equal(ExportEndpointsContentTypes.Xlsx, file.MediaType);
        Assert.StartsWith("attachment", file.Header("Content-Disposition"), StringComparison.Ordinal);
        Assert.Equal("no-store", file.Header("Cache-Control"));
        Assert.Equal(rest.Header("X-Data-Last-Loaded"), file.Header("X-Data-Last-Loaded"));
    }

    [Fact]
    public async Task Workbook_has_a_frozen_bold_header_an_autofilter_table_column_widths_no_formula_and_a_description_sheet()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var columns = await ExportFiles.ColumnsAsync(app.Client, "INF-SUB-01");

        var file = await app.Client.DownloadOkAsync("/api/reports/INF-SUB-01/export.xlsx");

        var parts = ExportFiles.Parts(file.Body);
        var sheet = ExportFiles.Part(file.Body, "xl/worksheets/sheet1.xml");
        var header = (ExportFiles.HeaderRowIndex + 1).ToString(CultureInfo.InvariantCulture);
        Assert.Contains($"ySplit=\"{header}\"", sheet, StringComparison.Ordinal);
        Assert.Contains("state=\"frozen\"", sheet, StringComparison.Ordinal);
        Assert.Contains("<cols>", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<f ", sheet, StringComparison.Ordinal);
        var table = parts.Single(p => p.StartsWith("xl/tables/", StringComparison.Ordinal));
        Assert.Matches($"<autoFilter ref=\"A{header}:L\\d+\"", ExportFiles.Part(file.Body, table));
        Assert.Contains("<b/>", ExportFiles.Part(file.Body, "xl/styles.xml"), StringComparison.Ordinal);
        // Codes stay text, amounts are numbers with the report's format, dates are dates.
        Assert.Contains("dd/mm/yyyy", ExportFiles.Part(file.Body, "xl/styles.xml"), StringComparison.Ordinal);

        var description = ExportFiles.ReadXlsx(file.Body).Single(s => s.Name == "Description");
        var cells = description.Rows.SelectMany(r => r).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            Assert.Contains(column.Label, cells);
            Assert.Contains(column.Name, cells);
        }

        Assert.Contains("Versements aux associations", cells);
        Assert.Contains("exercice", cells);
    }

    [Theory]
    [InlineData("fr", ';', true)]
    [InlineData("rfc4180", ',', false)]
    [InlineData(null, ';', true)]
    public async Task Csv_equals_the_rest_rows_in_both_dialects(string? dialect, char delimiter, bool french)
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        foreach (var code in new[] { "INF-SUB-01", "INF-BUD-53", "INF-DEP-56" })
        {
            var columns = await ExportFiles.ColumnsAsync(app.Client, code);
            var expected = (await ExportFiles.RestRowsAsync(app.Client, code, "", columns))
                .Select(r => new Row(r.Select(p => KeyValuePair.Create(p.Key, p.Value is string s ? (object?)FormulaGuard.Neutralise(s) : p.Value)))).ToList();

            var file = await app.Client.DownloadOkAsync($"/api/reports/{code}/export.csv" + (dialect is null ? "" : "?dialect=" + dialect));

            Assert.Equal("text/csv", file.MediaType);
            Assert.Matches($"^{code}_\\d{{4}}_\\d{{8}}-\\d{{4}}\\.csv$", ContentDispositionFileName(file));
            var rows = ExportFiles.CsvRows(ExportFiles.ReadCsv(file.Body, delimiter), columns, french);
            Rows.AssertSameSequence(expected, rows, $"{code} CSV ({dialect}) = REST");
            var text = file.Text;
            // Texts are quoted; amounts are written with the dialect's decimal separator (quoted too in French:
            // the library writes every value formatted for a culture as text; spreadsheets still read a number).
            Assert.StartsWith("\uFEFF\"", text, StringComparison.Ordinal);
            Assert.Matches(french ? @";""\d+,\d+""(;|\r\n)" : @",\d+\.\d+(,|\r\n)", text);
        }
    }

    [Fact]
    public async Task Csv_totals_row_sums_the_summable_measures()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var columns = await ExportFiles.ColumnsAsync(app.Client, "INF-SUB-01");
        var expected = await ExportFiles.RestRowsAsync(app.Client, "INF-SUB-01", "", columns);

        var file = await app.Client.DownloadOkAsync("/api/reports/INF-SUB-01/export.csv?totals=true&dialect=rfc4180");

        var records = ExportFiles.ReadCsv(file.Body, ',');
        Assert.Equal(expected.Count + 2, records.Count);
        var totals = records[^1];
        Assert.Equal("Total", totals[0]);
        var paye = columns.FindIndex(c => c.Name == "MontantPaye");
        Assert.Equal(expected.Sum(r => r.Number("MontantPaye")!.Value), decimal.Parse(totals[paye]!, CultureInfo.InvariantCulture));
        // A count of distinct DP and a last payment date have no meaningful sum.
        Assert.True(string.IsNullOrEmpty(totals[columns.FindIndex(c => c.Name == "NombreDp")]));
        Assert.True(string.IsNullOrEmpty(totals[columns.FindIndex(c => c.Name == "DernierPaiement")]));
    }

    [Fact]
    public async Task An_empty_result_gives_valid_files_with_the_header_row_only()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var columns = await ExportFiles.ColumnsAsync(app.Client, "INF-BUD-53");
        var query = "?" + "filter=" + Uri.EscapeDataString("Paye lt -1000000000");
        Assert.Empty(await ExportFiles.RestRowsAsync(app.Client, "INF-BUD-53", query, columns));

        var xlsx = await app.Client.DownloadOkAsync("/api/reports/INF-BUD-53/export.xlsx" + query);
        var withTotals = await app.Client.DownloadOkAsync("/api/reports/INF-BUD-53/export.xlsx" + query + "&totals=true");
        var csv = await app.Client.DownloadOkAsync("/api/reports/INF-BUD-53/export.csv" + query);

        var sheets = ExportFiles.ReadXlsx(xlsx.Body);
        Assert.Equal(ExportFiles.HeaderRowIndex + 1, sheets[0].Rows.Count);
        Assert.Empty(ExportFiles.DataRows(sheets, columns).Rows);
        Assert.Contains("<autoFilter ref=\"A9:P9\"", ExportFiles.Part(xlsx.Body, "xl/worksheets/sheet1.xml"), StringComparison.Ordinal);
        Assert.DoesNotContain(ExportFiles.Parts(xlsx.Body), p => p.StartsWith("xl/tables/", StringComparison.Ordinal));
        var (rows, totals) = ExportFiles.DataRows(ExportFiles.ReadXlsx(withTotals.Body), columns, totals: true);
        Assert.Empty(rows);
        Assert.Equal("Total", totals![0]);
        Assert.Equal(0d, totals[columns.FindIndex(c => c.Name == "Paye")]);
        var records = ExportFiles.ReadCsv(csv.Body, ';');
        Assert.Single(records);
        Assert.Equal(columns.Select(c => c.Label), records[0]);
    }

    [Fact]
    public async Task The_odata_entity_set_and_dollar_options_give_the_same_export()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var rest = await app.Client.DownloadOkAsync("/api/reports/INF-BUD-53/export.csv" + Http.Query(("filter", "Paye gt 0"), ("orderby", "Paye desc")));
        var odata = await app.Client.DownloadOkAsync("/api/reports/PilotageGestionVueDetaillee/export.csv" + Http.Query(("$filter", "Paye gt 0"), ("$orderby", "Paye desc")));

        Assert.Equal(rest.Text, odata.Text);
        Assert.StartsWith("attachment; filename=INF-BUD-53_", odata.Header("Content-Disposition"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/reports/NOPE/export.xlsx", HttpStatusCode.NotFound, "Unknown report")]
    [InlineData("/api/reports/INF-BUD-53/export.xlsx?filter=Nope%20eq%201", HttpStatusCode.BadRequest, "Invalid filter/orderby")]
    [InlineData("/api/reports/INF-BUD-53/export.xlsx?orderby=Nope", HttpStatusCode.BadRequest, "Invalid orderby")]
    [InlineData("/api/reports/INF-BUD-53/export.xlsx?exercice=deux", HttpStatusCode.BadRequest, "Invalid report parameters")]
    [InlineData("/api/reports/INF-BUD-53/export.xlsx?annee=2024", HttpStatusCode.BadRequest, "Invalid report parameters")]
    [InlineData("/api/reports/INF-BUD-53/export.xlsx?top=10", HttpStatusCode.BadRequest, "Invalid top")]
    [InlineData("/api/reports/INF-BUD-53/export.csv?$skip=10", HttpStatusCode.BadRequest, "Invalid $skip")]
    [InlineData("/api/reports/INF-BUD-53/export.xlsx?filter=Paye%20gt%200&$filter=Paye%20gt%201", HttpStatusCode.BadRequest, "Invalid filter/orderby")]
    [InlineData("/api/reports/INF-BUD-53/export.xlsx?totals=peut-etre", HttpStatusCode.BadRequest, "Invalid totals")]
    [InlineData("/api/reports/INF-BUD-53/export.csv?dialect=tsv", HttpStatusCode.BadRequest, "Invalid dialect")]
    [InlineData("/api/reports/INF-BUD-53/export.xlsx?dialect=fr", HttpStatusCode.BadRequest, "Invalid report parameters")]
    [InlineData("/api/reports/INF-BUD-53/export.csv?dialect=fr&dialect=rfc4180", HttpStatusCode.BadRequest, "Invalid dialect")]
    public async Task Invalid_requests_are_refused_with_a_problem_before_any_byte_of_file(string url, HttpStatusCode status, string title)
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);

        var response = await app.Client.DownloadAsync(url);

        Assert.True(response.Status == status, $"{url} → {response}");
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal(title, response.Json.GetProperty("title").GetString());
        Assert.Null(response.Header("Content-Disposition"));
    }

    [Fact]
    public async Task The_audit_trail_records_the_rows_exported()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var marker = "Paye ge " + Random.Shared.Next(-1_000_000, -1).Invariant();
        var columns = await ExportFiles.ColumnsAsync(app.Client, "INF-BUD-53");
        var expected = await ExportFiles.RestRowsAsync(app.Client, "INF-BUD-53", Http.Query(("filter", marker)), columns);

        await app.Client.DownloadOkAsync("/api/reports/INF-BUD-53/export.xlsx" + Http.Query(("filter", marker)));

        for (var attempt = 0; ; attempt++)
        {
            var audit = await app.Client.GetOkAsync("/api/audit?report=INF-BUD-53&top=50");
            var entry = audit.Json.EnumerateArray().FirstOrDefault(e =>
                e.GetProperty("path").GetString()!.EndsWith("/export.xlsx", StringComparison.Ordinal)
                && Uri.UnescapeDataString(e.GetProperty("query").GetString()!).Contains(marker, StringComparison.Ordinal));
            if (entry.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                Assert.Equal(200, entry.GetProperty("status").GetInt32());
                Assert.Equal(expected.Count, entry.GetProperty("rows").GetInt64());
                break;
            }

            Assert.True(attempt < 50, "the export is not in the audit trail");
            await Task.Delay(100);
        }
    }

    internal static string ContentDispositionFileName(Download file) =>
        System.Net.Http.Headers.ContentDispositionHeaderValue.Parse(file.Header("Content-Disposition")!).FileName!.Trim('"');
}

/// <summary>The content types the export endpoints announce.</summary>
internal static class ExportEndpointsContentTypes
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
