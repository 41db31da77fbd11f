using System.Globalization;
using System.Text.RegularExpressions;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.OData.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.OData;

/// <summary>
/// Comparisons of Edm.Date (DateOnly) properties are plain <c>column op @p</c>: AspNetCore.OData 9.5.0 wrote
/// <c>year*10000+month*100+day &gt;= ...</c>, which no index can serve (upstream #1473/#1527). Results are the
/// ones plain SQL gives, on a column without nulls (DateBase) and on a nullable one (DatePaiement).
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed partial class DateFilterTests(TinyWarehouses warehouses)
{
    public static TheoryData<WarehouseProvider, string, string> Cases()
    {
        var data = new TheoryData<WarehouseProvider, string, string>();
        foreach (var provider in new[] { WarehouseProvider.Sqlite, WarehouseProvider.PostgreSql })
        {
            foreach (var property in new[] { "DateBase", "DatePaiement" })
            {
                foreach (var op in new[] { "ge", "gt", "le", "lt", "eq", "ne" })
                {
                    data.Add(provider, property, op);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_date_comparison_is_a_plain_sargable_comparison_with_the_rows_of_plain_sql(WarehouseProvider provider, string property, string op)
    {
        var app = await ODataApps.GetAsync(warehouses, provider);
        var column = property == "DateBase" ? "date_base" : "date_paiement";
        var dates = (await WarehouseSql.QueryAsync(app.Warehouse, $"SELECT {column} FROM v_demande_paiement")).Select(r => WarehouseSql.ToDate(r[0])).ToList();
        // A date of the data, in the middle, so that every operator keeps some rows and drops others.
        var pivot = dates.OfType<DateOnly>().Order().ElementAt(dates.Count(d => d is not null) / 2);
        var expected = dates.Count(d => Compare(d, pivot, op));
        app.TakeSql();

        var response = await app.Client.GetOkAsync(ODataHttp.Url(
            $"/odata/DemandesPaiement?$filter={property} {op} {pivot.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&$count=true&$top=0"));

        Assert.Equal(expected, response.Json().GetProperty("@odata.count").GetInt64());
        var statements = app.TakeSql();
        Assert.Contains(statements, sql => Regex.IsMatch(sql, column + "\"?\\s*" + Regex.Escape(SqlOperator(op)) + "\\s*@"));
        Assert.All(statements, sql => Assert.False(YearMonthDay().IsMatch(sql), "a computed date in: " + sql));
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task A_date_in_a_list_and_a_date_range_match_plain_sql(WarehouseProvider provider)
    {
        var app = await ODataApps.GetAsync(warehouses, provider);
        var dates = (await WarehouseSql.QueryAsync(app.Warehouse, "SELECT date_base FROM v_demande_paiement")).Select(r => WarehouseSql.ToDate(r[0])!.Value).ToList();
        var distinct = dates.Distinct().Order().ToList();
        var (low, high) = (distinct[distinct.Count / 4], distinct[distinct.Count * 3 / 4]);
        static string Literal(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        app.TakeSql();

        var inList = await app.Client.GetOkAsync(ODataHttp.Url($"/odata/DemandesPaiement?$filter=DateBase in ({Literal(low)},{Literal(high)})&$count=true&$top=0"));
        var range = await app.Client.GetOkAsync(ODataHttp.Url($"/odata/DemandesPaiement?$filter=DateBase ge {Literal(low)} and DateBase lt {Literal(high)}&$count=true&$top=0"));

        Assert.Equal(dates.Count(d => d == low || d == high), inList.Json().GetProperty("@odata.count").GetInt64());
        Assert.Equal(dates.Count(d => d >= low && d < high), range.Json().GetProperty("@odata.count").GetInt64());
        Assert.All(app.TakeSql(), sql => Assert.False(YearMonthDay().IsMatch(sql), "a computed date in: " + sql));
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task A_date_compared_with_a_date_time_is_a_400_that_says_so(WarehouseProvider provider)
    {
        var app = await ODataApps.GetAsync(warehouses, provider);

        var response = await app.Client.SendAsync(ODataHttp.Url("/odata/DemandesPaiement?$filter=DateBase ge 2024-06-01T00:00:00Z"));

        Assert.Equal(400, response.Code);
        Assert.Contains("2024-06-01", ODataHttp.AssertODataError(response).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>C# lifted comparisons: the semantics EF Core gives the filter (null ne x is true, null gt x false).</summary>
    private static bool Compare(DateOnly? value, DateOnly pivot, string op) => op switch
    {
        "ge" => value >= pivot,
        "gt" => value > pivot,
        "le" => value <= pivot,
        "lt" => value < pivot,
        "eq" => value == pivot,
        "ne" => value != pivot,
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    private static string SqlOperator(string op) => op switch
    {
        "ge" => ">=",
        "gt" => ">",
        "le" => "<=",
        "lt" => "<",
        "eq" => "=",
        "ne" => "<>",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    [GeneratedRegex(@"\*\s*10000|strftime|date_part|EXTRACT\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex YearMonthDay();
}
