using System.Net;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;

namespace Infocentre.Api.Tests.Exports;

/// <summary>
/// Large exports over HTTP, on copies of the tiny warehouse with synthetic ledger lines and the one-row-per-line
/// report INF-CGE-98: rows continued on further sheets, a configured maximum refused up front, the concurrency
/// limit (429, Retry-After) and a client disconnect that cancels the export.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class ExportLimitsTests(TinyWarehouses warehouses)
{
    private const string Report = ExportWarehouse.LedgerReport;

    [Fact]
    public async Task Rows_beyond_a_sheet_continue_on_further_sheets_each_with_its_header_row()
    {
        await using var warehouse = await ExportWarehouse.CopyOfTinyAsync(warehouses);
        await warehouse.AddLedgerLinesAsync(250);
        const int maxSheetRows = 100;
        var (_, client) = await warehouse.StartAsync(new() { ["Exports:MaxSheetRows"] = maxSheetRows.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var columns = await ExportFiles.ColumnsAsync(client, Report);
        var expected = await ExportFiles.RestRowsAsync(client, Report, "", columns);
        Assert.True(expected.Count > 250);

        var file = await client.DownloadOkAsync($"/api/reports/{Report}/export.xlsx?totals=true");

        var sheets = ExportFiles.ReadXlsx(file.Body);
        var data = sheets.Where(s => s.Name != "Description").ToList();
        Assert.Equal(Report, data[0].Name);
        Assert.Equal(Enumerable.Range(2, data.Count - 1).Select(n => $"{Report} ({n})"), data.Skip(1).Select(s => s.Name));
        Assert.All(data, s => Assert.True(s.Rows.Count <= maxSheetRows, $"{s.Name}: {s.Rows.Count} rows"));
        Assert.All(data.SkipLast(1), s => Assert.Equal(maxSheetRows, s.Rows.Count));
        var (rows, totals) = ExportFiles.DataRows(sheets, columns, totals: true);
        Rows.AssertSameSequence(expected, rows, "every row once, in order, over the sheets");
        ExportFiles.AssertTyped(sheets, columns, totals: true);
        Assert.Equal(expected.Sum(r => r.Number("Debit")!.Value), (decimal)(double)totals![columns.FindIndex(c => c.Name == "Debit")]!, 2);
        Assert.Contains($"Lignes exportées", sheets.Single(s => s.Name == "Description").Rows.Select(r => r[0] as string));
    }

    [Fact]
    public async Task An_export_over_the_configured_maximum_is_refused_before_it_starts()
    {
        await using var warehouse = await ExportWarehouse.CopyOfTinyAsync(warehouses);
        await warehouse.AddLedgerLinesAsync(20);
        var (_, client) = await warehouse.StartAsync(new() { ["Exports:MaxRows"] = "10" });

        var refused = await client.DownloadAsync($"/api/reports/{Report}/export.xlsx");
        var allowed = await client.DownloadAsync($"/api/reports/{Report}/export.csv?filter=" + Uri.EscapeDataString("Piece eq 'T000000001'"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("Export too large", refused.Json.GetProperty("title").GetString());
        Assert.Equal(10, refused.Json.GetProperty("maxRows").GetInt64());
        Assert.True(refused.Json.GetProperty("rows").GetInt64() > 20);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Equal(2, ExportFiles.ReadCsv(allowed.Body, ';').Count);
    }

    [Fact]
    public async Task Exports_beyond_the_concurrency_limit_get_429_and_a_client_disconnect_cancels_the_running_one()
    {
        await using var warehouse = await ExportWarehouse.CopyOfTinyAsync(warehouses);
        await warehouse.AddLedgerLinesAsync(200_000);
        var (app, client) = await warehouse.StartAsync(new() { ["Exports:MaxConcurrent"] = "1", ["Exports:RetryAfterSeconds"] = "7" });
        using var other = app.ClientWith(app.Token(subject: "someone-else"));
        var marker = "Debit ge -" + Random.Shared.Next(1, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);

        // A large export whose body nobody reads: the server soon waits for the client, holding its permit.
        var running = await client.GetAsync(new Uri($"/api/reports/{Report}/export.xlsx?filter=" + Uri.EscapeDataString(marker), UriKind.Relative),
            HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, running.StatusCode);

        var refused = await other.DownloadAsync("/api/reports/INF-BUD-90/export.csv");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("7", refused.Header("Retry-After"));
        Assert.Equal("Too many exports", refused.Json.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await other.DownloadAsync("/api/reports/INF-BUD-90/rows")).Status);

        // The client goes away: the export is cancelled and its permit released.
        running.Dispose();
        for (var attempt = 0; ; attempt++)
        {
            var next = await other.DownloadAsync("/api/reports/INF-BUD-90/export.csv");
            if (next.Status == HttpStatusCode.OK)
            {
                break;
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, next.Status);
            Assert.True(attempt < 100, "the permit of the abandoned export is never released");
            await Task.Delay(100);
        }

        // It stopped early: the audit trail has the export without its 200,000 rows (rows are counted once written).
        for (var attempt = 0; ; attempt++)
        {
            var audit = await client.GetOkAsync($"/api/audit?report={Report}&top=20");
            var entry = audit.Json.EnumerateArray().FirstOrDefault(e =>
                Uri.UnescapeDataString(e.GetProperty("query").GetString()!).Contains(marker, StringComparison.Ordinal));
            if (entry.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                Assert.Equal(0, entry.GetProperty("rows").GetInt64());
                break;
            }

            Assert.True(attempt < 50, "the abandoned export is not in the audit trail");
            await Task.Delay(100);
        }
    }
}
