using System.Globalization;
using System.Text.RegularExpressions;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.OData.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.OData;

/// <summary>
/// A filter on an aggregated value compares in the aggregate's own type (decimal). AspNetCore.OData 9.5.0 cast the
/// SUM to the literal's type: <c>Cp gt 115693</c> became <c>CAST(SUM(...) AS INTEGER) &gt; 115693</c>, which drops
/// a sum of 115693.03 (SQLite truncates, PostgreSQL rounds to 115693) and fails past 2^31 on PostgreSQL.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed partial class AggregateFilterTests(TinyWarehouses warehouses)
{
    [Theory]
    [InlineData(WarehouseProvider.Sqlite, "apply")]
    [InlineData(WarehouseProvider.PostgreSql, "apply")]
    [InlineData(WarehouseProvider.Sqlite, "filter")]
    [InlineData(WarehouseProvider.PostgreSql, "filter")]
    public async Task An_integer_threshold_just_below_a_fractional_sum_keeps_that_group(WarehouseProvider provider, string where)
    {
        var app = await ODataApps.GetAsync(warehouses, provider);
        var sums = await SumsByProgrammeAsync(app.Warehouse);
        // A sum with a fraction below .5: truncation (SQLite) and rounding (PostgreSQL) both bring it down to its floor.
        var (programme, sum) = sums.First(s => s.Value - decimal.Floor(s.Value) is > 0m and < 0.5m);
        var threshold = decimal.Floor(sum).ToString(CultureInfo.InvariantCulture);
        var expected = sums.Where(s => s.Value > decimal.Floor(sum)).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(programme, expected);
        app.TakeSql();

        var grouped = "groupby((ProgrammeCode),aggregate(MontantPaye with sum as Cp))";
        var url = where == "apply"
            ? $"/odata/ExecutionBudgetaire?$apply={grouped}/filter(Cp gt {threshold})"
            : $"/odata/ExecutionBudgetaire?$apply={grouped}&$filter=Cp gt {threshold}";
        var response = await app.Client.GetOkAsync(ODataHttp.Url(url));

        var rows = response.Json().GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(expected, rows.Select(r => r.GetProperty("ProgrammeCode").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(sums[r.GetProperty("ProgrammeCode").GetString()!], r.GetProperty("Cp").GetDecimal()));
        AssertNoNumericCast(app.TakeSql());
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task An_exact_decimal_threshold_compares_without_floating_point(WarehouseProvider provider)
    {
        var app = await ODataApps.GetAsync(warehouses, provider);
        var sums = await SumsByProgrammeAsync(app.Warehouse);
        var (programme, sum) = sums.First(s => s.Value != decimal.Floor(s.Value));
        var literal = sum.ToString(CultureInfo.InvariantCulture);
        app.TakeSql();

        var equal = await app.Client.GetOkAsync(ODataHttp.Url(
            $"/odata/ExecutionBudgetaire?$apply=groupby((ProgrammeCode),aggregate(MontantPaye with sum as Cp))/filter(Cp eq {literal})"));
        var below = (sum - 0.01m).ToString(CultureInfo.InvariantCulture);
        var over = (sum + 0.01m).ToString(CultureInfo.InvariantCulture);
        var around = await app.Client.GetOkAsync(ODataHttp.Url(
            $"/odata/ExecutionBudgetaire?$apply=groupby((ProgrammeCode),aggregate(MontantPaye with sum as Cp))/filter(Cp gt {below} and Cp lt {over})"));

        Assert.Equal(programme, Assert.Single(equal.Json().GetProperty("value").EnumerateArray()).GetProperty("ProgrammeCode").GetString());
        Assert.Equal(programme, Assert.Single(around.Json().GetProperty("value").EnumerateArray()).GetProperty("ProgrammeCode").GetString());
        AssertNoNumericCast(app.TakeSql());
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task A_sum_beyond_two_billion_compared_with_an_integer_is_not_cast_to_int(WarehouseProvider provider)
    {
        var app = await ODataApps.GetAsync(warehouses, provider);
        var sums = await SumsByProgrammeAsync(app.Warehouse);
        var expected = sums.Where(s => s.Value * 100_000m > 1m).ToDictionary(s => s.Key, s => s.Value * 100_000m);
        Assert.Contains(expected.Values, v => v > int.MaxValue);
        app.TakeSql();

        // PostgreSQL answered 500 "integer out of range" to CAST(SUM(...) AS integer) > 1.
        var response = await app.Client.GetOkAsync(ODataHttp.Url(
            "/odata/ExecutionBudgetaire?$apply=compute(MontantPaye mul 100000 as Big)/groupby((ProgrammeCode),aggregate(Big with sum as S))/filter(S gt 1)"));

        var rows = response.Json().GetProperty("value").EnumerateArray().ToDictionary(r => r.GetProperty("ProgrammeCode").GetString()!, r => r.GetProperty("S").GetDecimal());
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), rows.OrderBy(r => r.Key, StringComparer.Ordinal));
        AssertNoNumericCast(app.TakeSql());
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Counts_and_in_lists_over_groups_keep_their_own_types(WarehouseProvider provider)
    {
        var app = await ODataApps.GetAsync(warehouses, provider);
        var rows = await WarehouseSql.QueryAsync(app.Warehouse, "SELECT programme_code, montant_paye FROM v_execution_budgetaire");
        var counts = rows.GroupBy(r => (string)r[0]!).ToDictionary(g => g.Key, g => g.Count());
        var sums = await SumsByProgrammeAsync(app.Warehouse);
        var threshold = counts.Values.Order().First();
        var first = sums.First();

        var byCount = await app.Client.GetOkAsync(ODataHttp.Url(
            $"/odata/ExecutionBudgetaire?$apply=groupby((ProgrammeCode),aggregate($count as N))/filter(N gt {threshold.ToString(CultureInfo.InvariantCulture)})"));
        var byList = await app.Client.GetOkAsync(ODataHttp.Url(
            $"/odata/ExecutionBudgetaire?$apply=groupby((ProgrammeCode),aggregate(MontantPaye with sum as Cp))/filter(Cp in ({first.Value.ToString(CultureInfo.InvariantCulture)},1))"));

        Assert.Equal(
            counts.Where(c => c.Value > threshold).Select(c => c.Key).Order(StringComparer.Ordinal),
            byCount.Json().GetProperty("value").EnumerateArray().Select(r => r.GetProperty("ProgrammeCode").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(first.Key, Assert.Single(byList.Json().GetProperty("value").EnumerateArray()).GetProperty("ProgrammeCode").GetString());
    }

    /// <summary>No conversion of a value to an integer or floating type in the statements over the view.</summary>
    private static void AssertNoNumericCast(IReadOnlyList<string> statements)
    {
        var queries = statements.Where(s => s.Contains("v_execution_budgetaire", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(queries);
        foreach (var sql in queries)
        {
            Assert.False(NumericCast().IsMatch(sql), "a numeric cast in: " + sql);
        }
    }

    [GeneratedRegex(@"\bAS\s+(INTEGER|INT|BIGINT|SMALLINT|REAL|FLOAT|DOUBLE)\b|::\s*(int|integer|bigint|smallint|real|double|float)", RegexOptions.IgnoreCase)]
    private static partial Regex NumericCast();

    private static async Task<Dictionary<string, decimal>> SumsByProgrammeAsync(WarehouseOptions warehouse)
    {
        var rows = await WarehouseSql.QueryAsync(warehouse, "SELECT programme_code, montant_paye FROM v_execution_budgetaire");
        return rows.GroupBy(r => (string)r[0]!).ToDictionary(g => g.Key, g => g.Sum(r => WarehouseSql.ToDecimal(r[1])), StringComparer.Ordinal);
    }
}
