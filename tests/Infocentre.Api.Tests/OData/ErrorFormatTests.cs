using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.OData.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.OData;

/// <summary>
/// Every error of the /odata routes, outside Development, is <c>{"error":{"code","message"}}</c>: the library's own
/// 400s (which carried innererror with the .NET stack trace), our refusals, the status-code pages (404, 405) and
/// the exception handler's 500.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class ErrorFormatTests(TinyWarehouses warehouses)
{
    [Theory]
    [InlineData(WarehouseProvider.Sqlite, "/odata/DemandesPaiement?$filter=Montant gt", "$filter syntax")]
    [InlineData(WarehouseProvider.PostgreSql, "/odata/DemandesPaiement?$filter=Montant gt", "$filter syntax")]
    [InlineData(WarehouseProvider.Sqlite, "/odata/DemandesPaiement?$filter=frobnicate(Montant) eq 1", "unknown function")]
    [InlineData(WarehouseProvider.PostgreSql, "/odata/DemandesPaiement?$filter=frobnicate(Montant) eq 1", "unknown function")]
    [InlineData(WarehouseProvider.Sqlite, "/odata/DemandesPaiement?$apply=groupby((Statut),aggregate(Montant with sum))", "invalid $apply")]
    [InlineData(WarehouseProvider.PostgreSql, "/odata/DemandesPaiement?$apply=groupby((Statut),aggregate(Montant with sum))", "invalid $apply")]
    [InlineData(WarehouseProvider.Sqlite, "/odata/DemandesPaiement?$select=Statut(", "bad $select")]
    [InlineData(WarehouseProvider.PostgreSql, "/odata/DemandesPaiement?$select=Statut(", "bad $select")]
    [InlineData(WarehouseProvider.Sqlite, "/odata/DemandesPaiement?$select=Inconnue", "unknown property")]
    [InlineData(WarehouseProvider.PostgreSql, "/odata/DemandesPaiement?$orderby=Inconnue", "unknown property")]
    [InlineData(WarehouseProvider.Sqlite, "/odata/DemandesPaiement?$top=-1", "bad $top")]
    [InlineData(WarehouseProvider.PostgreSql, "/odata/DemandesPaiement?$count=maybe", "bad $count")]
    [InlineData(WarehouseProvider.Sqlite, "/odata/ConsommationParProgramme?exercice=abc", "bad report parameter")]
    [InlineData(WarehouseProvider.PostgreSql, "/odata/ConsommationParProgramme?$select=Programme($select=X)", "nested $select")]
    public async Task A_library_400_is_an_odata_error_without_inner_error(WarehouseProvider provider, string url, string because)
    {
        var app = await ODataApps.GetAsync(warehouses, provider);

        var response = await app.Client.SendAsync(ODataHttp.Url(url));

        Assert.True(response.Code == 400, $"{because}: {response}");
        ODataHttp.AssertODataError(response);
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Status_code_pages_on_odata_routes_are_odata_errors(WarehouseProvider provider)
    {
        var app = await ODataApps.GetAsync(warehouses, provider);

        var unknownSet = await app.Client.SendAsync("/odata/NoSuchSet");
        using var post = await app.Client.PostAsync(new Uri("/odata/Programmes", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var postBody = await post.Content.ReadAsStringAsync();
        using var anonymous = app.App.ClientWith(null);
        var unauthenticated = await anonymous.SendAsync("/odata/Programmes");

        Assert.Equal(404, unknownSet.Code);
        ODataHttp.AssertODataError(unknownSet);
        Assert.True((int)post.StatusCode is 404 or 405, $"{(int)post.StatusCode} {postBody}");
        ODataHttp.AssertODataError(new ODataResponse(post.StatusCode, post.Content.Headers.ContentType?.MediaType, postBody, post));
        Assert.Equal(401, unauthenticated.Code);
        ODataHttp.AssertODataError(unauthenticated);
    }

    /// <summary>
    /// A failure of the database that no query of the client explains (here a missing view) is a 500 whose body
    /// says only that the service failed: no exception, no SQL, no stack trace.
    /// </summary>
    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task A_500_is_an_odata_error_that_leaks_nothing(WarehouseProvider provider)
    {
        var app = await ODataApps.GetAsync(warehouses, provider);
        var warehouse = app.Warehouse;
        string? definition = null;
        if (provider == WarehouseProvider.Sqlite)
        {
            definition = (string)(await WarehouseSql.QueryAsync(warehouse, "SELECT sql FROM sqlite_master WHERE name = 'v_recette_non_fiscale'")).Single()[0]!;
            await WarehouseSql.ExecuteAsync(warehouse, "DROP VIEW v_recette_non_fiscale");
        }
        else
        {
            await WarehouseSql.ExecuteAsync(warehouse, "ALTER VIEW v_recette_non_fiscale RENAME TO v_recette_non_fiscale_hidden");
        }

        ODataResponse response;
        try
        {
            response = await app.Client.SendAsync("/odata/RecettesNonFiscales?$top=1");
        }
        finally
        {
            await WarehouseSql.ExecuteAsync(warehouse, provider == WarehouseProvider.Sqlite
                ? definition!
                : "ALTER VIEW v_recette_non_fiscale_hidden RENAME TO v_recette_non_fiscale");
        }

        Assert.True(response.Code == 500, response.ToString());
        Assert.Equal("An error occurred while processing your request.", ODataHttp.AssertODataError(response).GetProperty("message").GetString());
        Assert.DoesNotContain("v_recette", response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200, (await app.Client.SendAsync("/odata/RecettesNonFiscales?$top=1")).Code);
    }
}
