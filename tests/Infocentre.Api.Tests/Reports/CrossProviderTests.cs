using System.Net;
using System.Text;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Reports;

/// <summary>The same tiny data on SQLite and PostgreSQL gives the same numbers for every report of the catalogue.</summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class CrossProviderTests(TinyWarehouses warehouses)
{
    [Fact]
    public async Task Every_report_of_the_catalogue_returns_the_same_rows_on_sqlite_and_postgresql()
    {
        var sqlite = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite);
        var postgres = await SharedApps.GetAsync(warehouses, WarehouseProvider.PostgreSql);
        var catalogue = (await sqlite.Client.GetOkAsync("/api/reports")).Json.EnumerateArray().ToList();
        var codes = catalogue.Select(r => r.GetProperty("code").GetString()!).ToList();
        Assert.Equal(codes, (await postgres.Client.GetOkAsync("/api/reports")).Json.EnumerateArray().Select(r => r.GetProperty("code").GetString()!));
        Assert.NotEmpty(codes);

        var failures = new StringBuilder();
        foreach (var report in catalogue)
        {
            var code = report.GetProperty("code").GetString()!;
            var keys = report.GetProperty("columns").EnumerateArray()
                .Where(c => c.GetProperty("kind").GetString() == "dimension")
                .Select(c => c.GetProperty("name").GetString()!).DefaultIfEmpty("Ligne").ToList();
            foreach (var url in Urls(code))
            {
                await CompareAsync(sqlite, postgres, code, url, keys, failures);
            }
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    /// <summary>Default parameters; and INF-CGE-01 also with its optional "periode", which takes a different path through the filter.</summary>
    private static IEnumerable<string> Urls(string code)
    {
        yield return $"/api/reports/{code}/rows?top=100000";
        if (code == "INF-CGE-01")
        {
            yield return $"/api/reports/{code}/rows?top=100000&periode=12";
        }
    }

    private static async Task CompareAsync(RunningApp sqlite, RunningApp postgres, string code, string url, List<string> keys, StringBuilder failures)
    {
        var onSqlite = await sqlite.Client.FetchAsync(url);
        var onPostgres = await postgres.Client.FetchAsync(url);
        if (onSqlite.Status != HttpStatusCode.OK || onPostgres.Status != HttpStatusCode.OK)
        {
            failures.AppendLine($"{url}: SQLite {(int)onSqlite.Status}, PostgreSQL {(int)onPostgres.Status}");
            return;
        }

        var sqliteRows = Rows.From(onSqlite.Json.GetProperty("rows"));
        if (sqliteRows.Count == 0)
        {
            failures.AppendLine($"{url}: no rows, nothing compared");
        }

        try
        {
            Rows.AssertSameSet(sqliteRows, Rows.From(onPostgres.Json.GetProperty("rows")), keys, code);
            Assert.Equal(onSqlite.Json.GetProperty("parameters").GetRawText(), onPostgres.Json.GetProperty("parameters").GetRawText());
        }
        catch (Xunit.Sdk.XunitException e)
        {
            failures.AppendLine(e.Message);
        }
    }
}
