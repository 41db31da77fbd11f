using System.Text.Json;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.OData.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.OData;

/// <summary>
/// With IEEE754Compatible=true in Accept, Edm.Decimal and Edm.Int64 values are JSON strings (JavaScript clients
/// lose digits on numbers past 2^53); without it they are numbers.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class Ieee754Tests(TinyWarehouses warehouses)
{
    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Decimals_and_int64_are_strings_when_the_client_asks_for_IEEE754_compatibility(WarehouseProvider provider)
    {
        var app = await ODataApps.GetAsync(warehouses, provider);
        const string url = "/odata/ExecutionBudgetaire?$select=Id,MontantPaye&$top=3&$count=true";

        var compatible = await app.Client.GetOkAsync(ODataHttp.Url(url), ("Accept", "application/json;odata.metadata=minimal;IEEE754Compatible=true"));
        var plain = await app.Client.GetOkAsync(ODataHttp.Url(url), ("Accept", "application/json;odata.metadata=minimal"));
        var aggregated = await app.Client.GetOkAsync(
            ODataHttp.Url("/odata/ExecutionBudgetaire?$apply=groupby((ProgrammeCode),aggregate(MontantPaye with sum as Cp))"),
            ("Accept", "application/json;IEEE754Compatible=true"));

        Assert.Contains("IEEE754Compatible=true", compatible.Message.Content.Headers.ContentType!.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JsonValueKind.String, compatible.Json().GetProperty("@odata.count").ValueKind);
        foreach (var row in compatible.Json().GetProperty("value").EnumerateArray())
        {
            Assert.Equal(JsonValueKind.String, row.GetProperty("Id").ValueKind);
            Assert.Equal(JsonValueKind.String, row.GetProperty("MontantPaye").ValueKind);
            Assert.True(decimal.TryParse(row.GetProperty("MontantPaye").GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
        }

        foreach (var row in plain.Json().GetProperty("value").EnumerateArray())
        {
            Assert.Equal(JsonValueKind.Number, row.GetProperty("Id").ValueKind);
            Assert.Equal(JsonValueKind.Number, row.GetProperty("MontantPaye").ValueKind);
        }

        Assert.All(aggregated.Json().GetProperty("value").EnumerateArray(), row => Assert.Equal(JsonValueKind.String, row.GetProperty("Cp").ValueKind));
    }
}
