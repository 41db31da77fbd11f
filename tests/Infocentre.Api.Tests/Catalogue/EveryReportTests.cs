using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Catalogue;

/// <summary>
/// Every report of reports/, with its default parameters only, on the tiny warehouse in SQLite and PostgreSQL:
/// it answers with rows, each row has exactly the declared columns with values of the declared kind, and the
/// whole answer comes from a single SQL statement. (SQLite = PostgreSQL for every report: CrossProviderTests.)
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed partial class EveryReportTests(TinyWarehouses warehouses)
{
    public static TheoryData<WarehouseProvider, string> Reports()
    {
        var data = new TheoryData<WarehouseProvider, string>();
        foreach (var provider in new[] { WarehouseProvider.Sqlite, WarehouseProvider.PostgreSql })
        {
            foreach (var definition in DefinitionFile.All)
            {
                data.Add(provider, definition.Code);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task Report_runs_with_its_defaults_in_one_statement_and_returns_its_declared_columns(WarehouseProvider provider, string code)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var definition = DefinitionFile.Get(code);
        var url = $"/api/reports/{code}/rows?top=100000";
        // The first request may also read the latest exercice of the source (cached afterwards).
        await app.Client.GetOkAsync(url);
        app.App.Sql.Clear();

        var response = await app.Client.GetOkAsync(url);

        var statements = SqlStatements.DataQueries(app.App.Sql.Commands);
        Assert.True(statements.Count == 1, $"{code}: {statements.Count} statements{Environment.NewLine}{string.Join(Environment.NewLine + "--" + Environment.NewLine, statements)}");
        var rows = response.Json.GetProperty("rows").EnumerateArray().ToList();
        Assert.True(rows.Count > 0, $"{code} returns no row on the tiny warehouse with its default parameters");
        foreach (var row in rows)
        {
            Assert.Equal(definition.Columns, row.EnumerateObject().Select(p => p.Name));
            foreach (var (name, format) in definition.Dimensions)
            {
                AssertDimension(code, name, format, row.GetProperty(name));
            }

            foreach (var (measure, format) in definition.Measures)
            {
                var value = row.GetProperty(measure);
                Assert.True(
                    value.ValueKind is JsonValueKind.Number or JsonValueKind.Null || (IsDateFormat(format) && IsDate(value)),
                    $"{code}.{measure} ({format}) is {value.ValueKind}: {value}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task Report_is_an_odata_entity_set_with_the_rows_of_its_rest_form(WarehouseProvider provider, string code)
    {
        var app = await SharedApps.GetAsync(warehouses, provider);
        var definition = DefinitionFile.Get(code);

        var odata = await app.Client.GetOkAsync($"/odata/{definition.EntitySet}?$count=true");
        var rest = await app.Client.GetOkAsync($"/api/reports/{code}/rows?top=100000&count=true");

        Assert.Equal(rest.Json.GetProperty("count").GetInt64(), odata.Json.GetProperty("@odata.count").GetInt64());
        Rows.AssertSameSequence(odata.ODataRows(), Rows.From(rest.Json.GetProperty("rows")), $"{code} on {provider}");
    }

    private static void AssertDimension(string code, string name, string? format, JsonElement value)
    {
        // A dimension is part of the key: never null (a missing code is "#", a missing number 0).
        Assert.True(value.ValueKind != JsonValueKind.Null, $"{code}.{name} is null");
        switch (format)
        {
            case "text":
                Assert.True(value.ValueKind == JsonValueKind.String, $"{code}.{name} (text) is {value.ValueKind}: {value}");
                Assert.False(string.IsNullOrEmpty(value.GetString()), $"{code}.{name} is empty");
                break;
            case "integer":
                Assert.True(value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _), $"{code}.{name} (integer) is {value}");
                break;
            case { } date when IsDateFormat(date):
                Assert.True(IsDate(value), $"{code}.{name} (date) is {value}");
                break;
            case { } number when NumberFormat().IsMatch(number):
                Assert.True(value.ValueKind == JsonValueKind.Number, $"{code}.{name} ({number}) is {value.ValueKind}: {value}");
                break;
            default:
                Assert.True(value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False, $"{code}.{name} is {value}");
                break;
        }
    }

    /// <summary>"date", or an Excel date format such as "dd/MM/yyyy".</summary>
    private static bool IsDateFormat(string? format) => format == "date" || (format?.Contains("yy", StringComparison.Ordinal) ?? false);

    private static bool IsDate(JsonElement value) =>
        value.ValueKind == JsonValueKind.String
        && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex(@"^[#0,.%\s]+$")]
    private static partial Regex NumberFormat();
}
