using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Reports;

/// <summary>
/// Every data response says how fresh its data is: X-Data-Last-Loaded, the end of the last successful load of
/// the report's domain (the demo seed counts as a load), and "dataLastLoaded" in the REST body.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class FreshnessTests(TinyWarehouses warehouses)
{
    private const string Header = "X-Data-Last-Loaded";

    /// <summary>The last successful load per domain, from the load journal.</summary>
    private static async Task<Dictionary<string, DateTime>> LastLoadsAsync(WarehouseOptions w)
    {
        var rows = await PlainSql.QueryAsync(w, "SELECT domain, finished_at FROM load_record WHERE status = 'succeeded' AND finished_at IS NOT NULL");
        return rows.GroupBy(r => r.Text("domain")!)
            .ToDictionary(g => g.Key, g => g.Max(r => ToUtc(r["finished_at"]!)), StringComparer.Ordinal);
    }

    private static DateTime ToUtc(object value) => value switch
    {
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        string s => DateTime.SpecifyKind(DateTime.Parse(s, CultureInfo.InvariantCulture), DateTimeKind.Utc),
        _ => throw new InvalidCastException(value.GetType().Name),
    };

    private static DateTime ParseStamp(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static void AssertSameInstant(DateTime expected, DateTime actual, string what) =>
        Assert.True(Math.Abs((expected - actual).TotalMilliseconds) < 1, $"{what}: expected {expected:O}, found {actual:O}");

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Every_report_over_odata_and_rest_carries_the_last_load_of_its_domain(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var loads = await LastLoadsAsync(app.Warehouse);
        Assert.NotEmpty(loads);
        var catalogue = (await app.Client.GetOkAsync("/api/reports")).Json.EnumerateArray().ToList();
        Assert.NotEmpty(catalogue);

        foreach (var report in catalogue)
        {
            var code = report.GetProperty("code").GetString()!;
            var expected = loads[report.GetProperty("domain").GetString()!];

            var odata = await app.Client.FetchAsync($"/odata/{report.GetProperty("entitySet").GetString()}?$top=1");
            var rest = await app.Client.FetchAsync($"/api/reports/{code}/rows?top=1");

            Assert.True(odata.Header(Header) is not null, $"{code} over OData: no {Header} ({odata.Status})");
            AssertSameInstant(expected, ParseStamp(odata.Header(Header)!), $"{code} OData header");
            // The annotation is written when the client asks for annotations, as OData prescribes.
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/odata/{report.GetProperty("entitySet").GetString()}?$top=1");
            request.Headers.TryAddWithoutValidation("Prefer", "odata.include-annotations=\"Infocentre.*\"");
            using var annotated = await app.Client.SendAsync(request);
            using var body = JsonDocument.Parse(await annotated.Content.ReadAsStringAsync());
            Assert.True(body.RootElement.TryGetProperty("@Infocentre.DataLastLoaded", out var annotation), $"{code} over OData: no freshness annotation in {body.RootElement}");
            AssertSameInstant(expected, annotation.GetDateTimeOffset().UtcDateTime, $"{code} OData annotation");
            Assert.True(rest.Header(Header) is not null, $"{code} over REST: no {Header} ({rest.Status})");
            AssertSameInstant(expected, ParseStamp(rest.Header(Header)!), $"{code} REST header");
            AssertSameInstant(expected, rest.Json.GetProperty("dataLastLoaded").GetDateTime().ToUniversalTime(), $"{code} REST dataLastLoaded");
        }
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Every_entity_set_of_the_model_carries_the_header(WarehouseProvider provider)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var metadata = XDocument.Parse((await app.Client.GetOkAsync("/odata/$metadata")).Body);
        var sets = metadata.Descendants().Where(e => e.Name.LocalName == "EntitySet").Select(e => (string)e.Attribute("Name")!).ToList();
        Assert.True(sets.Count >= 15 + 9, string.Join(", ", sets));

        var missing = new List<string>();
        foreach (var set in sets)
        {
            var response = await app.Client.GetOkAsync($"/odata/{set}?$top=1");
            if (response.Header(Header) is not { } stamp)
            {
                missing.Add(set);
            }
            else
            {
                _ = ParseStamp(stamp);
            }
        }

        Assert.True(missing.Count == 0, $"no {Header} on: {string.Join(", ", missing)}");
    }
}
