using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.OData.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.OData;

/// <summary>
/// Malformed and hostile requests (the categories of a hostile-request run against this stack, plus ours) get a
/// client error in the OData format on both engines: never a 500, never a stack trace; and the service still
/// answers afterwards. 501 Not Implemented is the status OData conformance requires for a standard feature the
/// service does not implement ($search), so it is accepted as the one 5xx; everything else is a 4xx.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class HostileRequestTests(TinyWarehouses warehouses)
{
    [Theory]
    // Syntax
    [InlineData("/odata/ExecutionBudgetaire?$filter=")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=(((((")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=MontantPaye gt")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=MontantPaye gt 1 and")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=ProgrammeCode eq 'unterminated")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=ProgrammeCode eq 0163")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=Inconnue eq 1")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=frobnicate(ProgrammeCode)")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=MontantPaye")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=ProgrammeCode gt 1")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=DateComptable ge 2024-13-45")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=DateComptable ge 2024-06-01T00:00:00Z")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=DateComptable ge 'yesterday'")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=Source has 'x'")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=ProgrammeCode/any(p:p eq '1')")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=$it/$count gt 1")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=isof(Infocentre.BudgetExecutionView)")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=geo.distance(ProgrammeCode,ProgrammeCode) gt 1")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=now() gt 2020-01-01T00:00:00Z")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=case(true:1) eq 1")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=MontantPaye eq @p&@p=@p")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=MontantPaye eq @p&@p=MontantPaye eq 1")]
    // Numbers
    [InlineData("/odata/ExecutionBudgetaire?$filter=MontantPaye gt 79228162514264337593543950336")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=MontantPaye gt -79228162514264337593543950336")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=MontantPaye gt INF")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=MontantPaye lt -INF")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=MontantPaye eq NaN")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=MontantPaye gt 1.0E+400")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=MontantPaye gt 1e300")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=round(MontantPaye div 0) eq 1")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=MontantPaye mod 0 eq 1")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=Id div 0 eq 1")]
    // Functions
    [InlineData("/odata/ExecutionBudgetaire?$filter=matchesPattern(ProgrammeCode,'(')")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=matchesPattern(ProgrammeCode,'^(a+)+$')")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=contains(ProgrammeCode)")]
    [InlineData("/odata/ExecutionBudgetaire?$filter=contains(1,2)")]
    // $apply
    [InlineData("/odata/ExecutionBudgetaire?$apply=groupby((")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=groupby(ProgrammeCode)")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=groupby((Inconnue))")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=groupby((ProgrammeCode,ProgrammeCode))")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=aggregate(MontantPaye with sum as A,MontantEngage with sum as A)")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=aggregate(MontantPaye with frobnicate as A)")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=aggregate(ProgrammeCode with sum as A)")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=aggregate(MontantPaye with sum)")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=filter(matchesPattern(ProgrammeCode,'a'))")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=filter(MontantPaye div 0 gt 1)")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=compute(MontantPaye div 0 as X)")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=compute(MontantPaye as ProgrammeCode)")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=groupby((ProgrammeCode),aggregate(MontantPaye with sum as Cp))/filter(Cp gt INF)")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=groupby((ProgrammeCode),aggregate(MontantPaye with sum as Cp))/filter(Cp gt 1.0E+400)")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=groupby((ProgrammeCode),aggregate(MontantPaye with sum as Cp))&$filter=Cp gt NaN")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=groupby((ProgrammeCode),aggregate(MontantPaye with sum as Cp))&$orderby=MontantPaye")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=groupby((ProgrammeCode))/groupby((MontantPaye))")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=expand(Programme)")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=topcount(2,MontantPaye)")]
    [InlineData("/odata/ExecutionBudgetaire?$apply=groupby((ProgrammeCode),aggregate(MontantPaye with sum as Cp))&$format=application/json;odata.metadata=full")]
    // $select, $orderby, $expand, $search, paging
    [InlineData("/odata/ExecutionBudgetaire?$select=")]
    [InlineData("/odata/ExecutionBudgetaire?$select=Inconnue")]
    [InlineData("/odata/ExecutionBudgetaire?$select=ProgrammeCode($select=X)")]
    [InlineData("/odata/ExecutionBudgetaire?$select=*/Inconnue")]
    [InlineData("/odata/ExecutionBudgetaire?$orderby=@a&@a=ProgrammeCode")]
    [InlineData("/odata/ExecutionBudgetaire?$orderby=ProgrammeCode sideways")]
    [InlineData("/odata/ExecutionBudgetaire?$orderby=Id,Id,Id,Id,Id,Id,Id,Id,Id,Id,Id,Id,Id,Id,Id,Id,Id,Id,Id,Id,Id")]
    [InlineData("/odata/ExecutionBudgetaire?$expand=$ref")]
    [InlineData("/odata/ExecutionBudgetaire?$expand=*")]
    [InlineData("/odata/ExecutionBudgetaire?$expand=Programme($levels=max)")]
    [InlineData("/odata/ExecutionBudgetaire?$search=Paris")]
    [InlineData("/odata/ExecutionBudgetaire?$search=")]
    [InlineData("/odata/ExecutionBudgetaire?$levels=2")]
    [InlineData("/odata/ExecutionBudgetaire?$top=-1")]
    [InlineData("/odata/ExecutionBudgetaire?$top=abc")]
    [InlineData("/odata/ExecutionBudgetaire?$top=99999999999")]
    [InlineData("/odata/ExecutionBudgetaire?$skip=-5")]
    [InlineData("/odata/ExecutionBudgetaire?$skip=1e3")]
    [InlineData("/odata/ExecutionBudgetaire?$skiptoken=garbage")]
    [InlineData("/odata/ExecutionBudgetaire?$count=maybe")]
    [InlineData("/odata/ExecutionBudgetaire?$compute=MontantPaye div 0 as X&$select=X")]
    [InlineData("/odata/ExecutionBudgetaire?$compute=now() as X&$select=X")]
    // Repeated, unknown and badly cased options, formats
    [InlineData("/odata/ExecutionBudgetaire?$select=ProgrammeCode&$select=MontantPaye")]
    [InlineData("/odata/ExecutionBudgetaire?$top=1&$top=2")]
    [InlineData("/odata/ExecutionBudgetaire?$format=json&$format=xml")]
    [InlineData("/odata/ExecutionBudgetaire?$format=xml")]
    [InlineData("/odata/ExecutionBudgetaire?$format=atom")]
    [InlineData("/odata/ExecutionBudgetaire?$format=application/json;odata.metadata=verbose")]
    [InlineData("/odata/ExecutionBudgetaire?$format=application/json;odata.streaming=perhaps")]
    [InlineData("/odata/ExecutionBudgetaire?$format=application/json;foo=bar")]
    [InlineData("/odata/ExecutionBudgetaire?$Filter=Id eq 1")]
    [InlineData("/odata/ExecutionBudgetaire?$TOP=1")]
    [InlineData("/odata/ExecutionBudgetaire?$frobnicate=1")]
    [InlineData("/odata/ExecutionBudgetaire?$id=x")]
    [InlineData("/odata/$metadata?$filter=1 eq 1")]
    [InlineData("/odata/$metadata?$format=foo")]
    [InlineData("/odata/?$top=1")]
    // Report parameters and paths
    [InlineData("/odata/ExecutionBudgetaire?exercice=2024")]
    [InlineData("/odata/ConsommationParProgramme?exercice=2024 or 1 eq 1")]
    [InlineData("/odata/ConsommationParProgramme?exercice=abc")]
    [InlineData("/odata/ConsommationParProgramme?exercice=2024&exercice=2025")]
    [InlineData("/odata/ConsommationParProgramme?inconnu=1")]
    [InlineData("/odata/ExecutionBudgetaire(1)")]
    [InlineData("/odata/ExecutionBudgetaire/$count")]
    [InlineData("/odata/ExecutionBudgetaire('x'")]
    [InlineData("/odata/NoSuchSet")]
    [InlineData("/odata/$batch")]
    public async Task A_hostile_request_is_a_client_error_and_the_service_stays_up(string url)
    {
        foreach (var provider in new[] { WarehouseProvider.Sqlite, WarehouseProvider.PostgreSql })
        {
            var app = await ODataApps.GetAsync(warehouses, provider);

            var response = await app.Client.SendAsync(ODataHttp.Url(url));

            Assert.True(response.Code is >= 400 and < 500 or 501, $"{provider} {url} → {response}");
            if (response.Body.Length > 0)
            {
                ODataHttp.AssertODataError(response);
            }

            Assert.Equal(200, (await app.Client.SendAsync("/health/live")).Code);
        }
    }

    [Theory]
    [InlineData("OData-MaxVersion", "")]
    [InlineData("OData-MaxVersion", "3.0")]
    [InlineData("OData-MaxVersion", "4")]
    [InlineData("OData-MaxVersion", "99999999999.0")]
    [InlineData("OData-Version", "")]
    [InlineData("OData-Version", "3.0")]
    [InlineData("OData-Version", "5.0")]
    [InlineData("Accept", "application/json;odata.metadata=verbose")]
    [InlineData("Accept", "application/json;IEEE754Compatible=yes")]
    [InlineData("Accept", "application/json;odata.metadata=full")]
    public async Task A_hostile_header_is_a_client_error_and_the_service_stays_up(string header, string value)
    {
        foreach (var provider in new[] { WarehouseProvider.Sqlite, WarehouseProvider.PostgreSql })
        {
            var app = await ODataApps.GetAsync(warehouses, provider);

            var response = await app.Client.SendAsync(
                ODataHttp.Url("/odata/ExecutionBudgetaire?$apply=groupby((ProgrammeCode),aggregate(MontantPaye with sum as Cp))"), (header, value));

            Assert.True(response.Code is >= 400 and < 500, $"{provider} {header}: {value} → {response}");
            ODataHttp.AssertODataError(response);
            Assert.Equal(200, (await app.Client.SendAsync("/health/live")).Code);
        }
    }
}
