using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.OData.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.OData;

/// <summary>
/// @odata.context, @odata.nextLink and the service document's context never echo the Host header: they come from
/// OData:PublicBaseUrl when configured, otherwise from the local address the request arrived on.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class LinkAddressTests(TinyWarehouses warehouses)
{
    private static readonly string[] Urls =
    [
        "/odata/DemandesPaiement?$select=Id",
        "/odata/ExecutionBudgetaire?$apply=groupby((ProgrammeCode))",
        "/odata/ConsommationParProgramme",
        "/odata/",
    ];

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task A_forged_host_header_is_not_echoed_into_links(WarehouseProvider provider)
    {
        var app = await ODataApps.GetAsync(warehouses, provider, ODataApps.Paged);
        var local = app.Client.BaseAddress!.GetLeftPart(UriPartial.Authority) + "/odata/";

        foreach (var url in Urls)
        {
            var response = await app.Client.GetOkAsync(ODataHttp.Url(url), ("Host", "evil.example"));

            Assert.DoesNotContain("evil.example", response.Body, StringComparison.OrdinalIgnoreCase);
            AssertLinks(response, local, expectNext: url != "/odata/");
        }
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Links_use_the_configured_public_base_url(WarehouseProvider provider)
    {
        var app = await ODataApps.GetAsync(warehouses, provider, ODataApps.Public);

        foreach (var url in Urls)
        {
            var honest = await app.Client.GetOkAsync(ODataHttp.Url(url));
            var forged = await app.Client.GetOkAsync(ODataHttp.Url(url), ("Host", "evil.example:8443"));

            AssertLinks(honest, ODataApps.PublicBaseUrl + "/odata/", expectNext: url != "/odata/");
            AssertLinks(forged, ODataApps.PublicBaseUrl + "/odata/", expectNext: url != "/odata/");
            Assert.DoesNotContain("evil.example", forged.Body, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>An empty Host header (allowed by HTTP/1.1) made the library's link building fail with a 500.</summary>
    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task An_empty_host_header_gets_links_to_the_local_address(WarehouseProvider provider)
    {
        var app = await ODataApps.GetAsync(warehouses, provider, ODataApps.Paged);
        var address = app.Client.BaseAddress!;
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using var stream = tcp.GetStream();
        var request = "GET /odata/Programmes HTTP/1.1\r\nHost: \r\n"
            + $"Authorization: {app.Client.DefaultRequestHeaders.Authorization}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var raw = await reader.ReadToEndAsync();

        var status = raw.Split(' ', 3)[1];
        Assert.True(status is "200" or "400", raw);
        if (status == "200")
        {
            Assert.Contains("\"@odata.context\":\"" + address.GetLeftPart(UriPartial.Authority) + "/odata/$metadata", raw, StringComparison.Ordinal);
        }
    }

    private static void AssertLinks(ODataResponse response, string prefix, bool expectNext)
    {
        var json = response.Json();
        Assert.StartsWith(prefix + "$metadata", json.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        if (expectNext)
        {
            Assert.True(json.TryGetProperty("@odata.nextLink", out var next), $"no next link: {response}");
            Assert.StartsWith(prefix, next.GetString(), StringComparison.Ordinal);
        }
    }
}
