using System.Net;
using Infocentre.Api.Tests.Exports;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;

namespace Infocentre.Api.Tests.Security;

/// <summary>
/// A statement running past Warehouse:CommandTimeoutSeconds is stopped on the embedded SQLite engine (whose library
/// would let it run) and answered with a 408 naming the limit, on REST and on OData; the service keeps answering.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class QueryTimeLimitTests(TinyWarehouses warehouses)
{
    // Without the interruption the statement would never end: the bound turns a hang into a failure.
    [Fact(Timeout = 300_000)]
    public async Task A_query_past_the_database_time_limit_is_stopped_with_a_408_naming_the_limit()
    {
        await using var warehouse = await ExportWarehouse.CopyOfTinyAsync(warehouses);
        // A copy's one-row view that never yields its row: INF-BUD-90, a report without dimensions, reads it.
        await warehouse.ExecuteAsync("DROP VIEW v_one_row");
        await warehouse.ExecuteAsync("CREATE VIEW v_one_row AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT 1 AS id FROM n WHERE x = 0");
        var (_, client) = await warehouse.StartAsync(new() { ["Warehouse:CommandTimeoutSeconds"] = "1" });

        var rest = await client.GetAsync(new Uri("/api/reports/INF-BUD-90/rows", UriKind.Relative));
        var restBody = await rest.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.RequestTimeout, rest.StatusCode);
        Assert.Equal("application/problem+json", rest.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Warehouse:CommandTimeoutSeconds", restBody, StringComparison.Ordinal);

        var odata = await client.GetAsync(new Uri("/odata/SyntheseExecutionBudgetaire", UriKind.Relative));
        var odataBody = await odata.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.RequestTimeout, odata.StatusCode);
        Assert.StartsWith("{\"error\":{\"code\":\"RequestTimeout\"", odataBody, StringComparison.Ordinal);
        Assert.Contains("Warehouse:CommandTimeoutSeconds", odataBody, StringComparison.Ordinal);

        var other = await client.GetAsync(new Uri("/api/reports/INF-BUD-40/rows", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
