using System.Net;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Reports;

/// <summary>
/// The validator compares report entity sets with each other without case, but with the sources' names with
/// case: a report may be called "DEMANDESPAIEMENT" next to the source "DemandesPaiement". URLs are matched
/// without case, so both must still answer.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class EntitySetNameTests(TinyWarehouses warehouses)
{
    [Fact]
    public async Task A_report_named_like_a_source_in_capitals_leaves_both_reachable()
    {
        var app = await SharedApps.GetAsync(warehouses, WarehouseProvider.Sqlite, SharedApps.CaseCollision);

        var source = await app.Client.FetchAsync("/odata/DemandesPaiement?$top=1");
        var report = await app.Client.FetchAsync($"/odata/{TestCatalogue.CollidingEntitySet}?$top=1");

        Assert.True(source.Status == HttpStatusCode.OK, "source: " + source);
        Assert.True(report.Status == HttpStatusCode.OK, "report: " + report);
        Assert.True(source.ODataRows()[0].ContainsKey("DpNumero"), "the source's rows: " + source.Body);
        Assert.True(report.ODataRows()[0].ContainsKey("NombrePostes"), "the report's rows: " + report.Body);
    }
}
