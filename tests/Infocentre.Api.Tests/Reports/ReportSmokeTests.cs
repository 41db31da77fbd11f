using System.Net;
using System.Text.Json;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Reports;

[Collection(TinyWarehouseCollection.Name)]
public sealed class ReportSmokeTests(TinyWarehouses warehouses)
{
    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Synthesis_report_returns_one_row_with_the_totals_of_the_latest_exercice(WarehouseProvider provider)
    {
        await using var app = new InfocentreApp(warehouses.For(provider));
        using var client = await app.StartAsync();

        using var response = await client.GetAsync("/odata/SyntheseExecutionBudgetaire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var row = Assert.Single(json.RootElement.GetProperty("value").EnumerateArray());
        Assert.Equal(1, row.GetProperty("Ligne").GetInt32());
        Assert.True(row.GetProperty("MontantEngage").GetDecimal() > 0);
    }
}
