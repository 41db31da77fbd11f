using System.Globalization;
using System.Text.Json;
using Infocentre.Access;
using Infocentre.Api.Tests.Exports;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Security.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Security;

/// <summary>
/// OWASP API1 (BOLA) for a warehouse: every report of the catalogue and every fact entity set, for a reader of
/// MIN09, a reader of MIN18, an interministerial reader and a reader without perimeter, over each read path
/// (OData rows, OData $apply, OData $count, REST rows, xlsx and CSV exports) on SQLite, and the two single-ministry readers on PostgreSQL. No row outside the caller's
/// perimeter, and the caller's totals equal plain SQL restricted to its perimeter by an explicit WHERE.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class PerimeterMatrixTests(TinyWarehouses warehouses)
{
    private const int MaxPages = 500;

    /// <summary>Every perimeter kind on SQLite; on PostgreSQL the two single-ministry readers (the engine-specific part).</summary>
    private static readonly Dictionary<WarehouseProvider, string[]> Perimeters = new()
    {
        [WarehouseProvider.Sqlite] = ["MIN09", "MIN18", "*", "-"],
        [WarehouseProvider.PostgreSql] = ["MIN09", "MIN18"],
    };

    /// <summary>
    /// Exports read the rows through the same runner as REST: they are checked for the single-ministry readers on
    /// SQLite, which keeps the matrix affordable with the whole catalogue.
    /// </summary>
    private static IEnumerable<string> Paths(PerimeterTarget target, WarehouseProvider provider, string perimeter) =>
        !target.IsReport ? ["odata", "apply", "count"]
        : provider == WarehouseProvider.Sqlite && perimeter.StartsWith("MIN", StringComparison.Ordinal) ? ["odata", "apply", "count", "rest", "xlsx", "csv"]
        : ["odata", "apply", "count", "rest"];

    public static TheoryData<WarehouseProvider, string, string, string> Cases()
    {
        var data = new TheoryData<WarehouseProvider, string, string, string>();
        foreach (var provider in new[] { WarehouseProvider.Sqlite, WarehouseProvider.PostgreSql })
        {
            foreach (var target in PerimeterTargets.Reports.Concat(PerimeterTargets.EntitySets))
            {
                foreach (var perimeter in Perimeters[provider])
                {
                    foreach (var path in Paths(target, provider, perimeter))
                    {
                        data.Add(provider, target.Name, perimeter, path);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Caller_sees_only_its_perimeter_and_its_totals_match_plain_sql(WarehouseProvider provider, string targetName, string perimeterText, string path)
    {
        var app = await SecurityApps.GetAsync(warehouses, provider);
        var target = PerimeterTargets.Find(targetName);
        var perimeter = Perimeter.Parse(perimeterText);
        var exercice = target.IsReport ? await IndependentSql.LatestExerciceAsync(app.Warehouse) : (int?)null;
        var (expectedSum, expectedCount) = await target.ExpectedAsync(app.Warehouse, perimeter, exercice);

        var token = app.TokenFor(perimeter);
        var programmes = await IndependentSql.ProgrammeMinistriesAsync(app.Warehouse);
        var parameters = exercice is { } e ? "exercice=" + e.ToString(CultureInfo.InvariantCulture) : "";
        var odata = $"/odata/{target.EntitySet}?{parameters}";
        var amp = parameters.Length > 0 ? "&" : "";

        switch (path)
        {
            case "odata":
            {
                var select = target.IsReport ? "" : $"{amp}$select={target.MinistereColumn},{target.ProgrammeColumn},{target.Measure}";
                var rows = await FollowAsync(app, odata + select, token);
                AssertRows(target, perimeter, programmes, rows, expectedSum, $"GET {odata + select}");
                if (!target.IsReport)
                {
                    Assert.Equal(expectedCount, rows.Count);
                }

                break;
            }

            case "apply":
            {
                var url = $"{odata}{amp}$apply=aggregate({target.Measure} with sum as Total)";
                var rows = await FollowAsync(app, url, token);
                if ((perimeter.Kind == PerimeterKind.Nothing || expectedSum == 0m) && target.HasDimensions)
                {
                    // Aggregating no row gives no group at all (not a zero): decided from the library's behaviour.
                    Assert.True(rows.Count == 0 || (rows.Count == 1 && rows[0].Decimal("Total") == 0m), $"GET {url} → {rows.Count} rows for a caller without data");
                }
                else
                {
                    Assert.True(rows.Count == 1, $"GET {url} → {rows.Count} rows, expected one aggregate row");
                    Assert.Equal(expectedSum, rows[0].Decimal("Total"));
                }

                if (target.MinistereColumn is { } ministere)
                {
                    var grouped = $"{odata}{amp}$apply=groupby(({ministere}),aggregate({target.Measure} with sum as Total))";
                    var groups = await FollowAsync(app, grouped, token);
                    foreach (var group in groups)
                    {
                        Assert.True(perimeter.Sees(group.Text(ministere), null),
                            $"GET {grouped} shows ministère {group.Text(ministere)} to a caller of perimeter {perimeter}");
                    }

                    Assert.Equal(expectedSum, groups.Sum("Total"));
                }

                break;
            }

            case "count" when target.IsReport:
            {
                var url = $"{odata}&$count=true";
                var (rows, count) = await FollowCountingAsync(app, url, token);
                Assert.Equal(rows.Count, count);
                AssertRows(target, perimeter, programmes, rows, expectedSum, $"GET {url}");
                break;
            }

            case "count":
            {
                var url = $"{odata}$count=true&$top=0";
                Assert.Equal(expectedCount, (await app.GetOkAsync(url, token)).ODataCount());
                if (perimeter.Kind == PerimeterKind.Ministries && target.MinistereColumn is { } ministere)
                {
                    var outside = $"{odata}$count=true&$top=0&$filter={ministere} ne '{perimeter.Ministeres[0]}'";
                    Assert.Equal(0, (await app.GetOkAsync(outside, token)).ODataCount());
                }

                break;
            }

            case "rest":
            {
                var url = $"/api/reports/{target.ReportCode}/rows?{parameters}&count=true";
                var (rows, count) = await FollowCountingAsync(app, url, token);
                Assert.Equal(rows.Count, count);
                AssertRows(target, perimeter, programmes, rows, expectedSum, $"GET {url}");
                break;
            }

            case "xlsx" or "csv":
            {
                // Exports need the exporter role; the perimeter is the same.
                var url = $"/api/reports/{target.ReportCode}/export.{path}?{parameters}" + (path == "csv" ? "&dialect=rfc4180" : "");
                using var client = app.App.ClientWith(app.TokenFor(perimeter, Roles.Exporter));
                var download = await client.DownloadOkAsync(url);
                var columns = await ExportFiles.ColumnsAsync(client, target.ReportCode!);
                var rows = path == "xlsx"
                    ? ExportFiles.DataRows(ExportFiles.ReadXlsx(download.Body), columns).Rows
                    : ExportFiles.CsvRows(ExportFiles.ReadCsv(download.Body, ','), columns, french: false);
                AssertRows(target, perimeter, programmes, [.. rows.Select(r => JsonSerializer.SerializeToElement(r))], expectedSum, $"GET {url}");
                break;
            }

            default:
                throw new ArgumentException(path, nameof(path));
        }
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task Every_report_of_the_catalogue_is_in_the_matrix(WarehouseProvider provider)
    {
        var app = await SecurityApps.GetAsync(warehouses, provider);
        // Reports restricted to roles hold no ministry data: RestrictedReportTests covers them.
        var catalogue = (await app.GetOkAsync("/api/reports", app.AdminToken)).Json.EnumerateArray()
            .Where(r => r.GetProperty("roles").GetArrayLength() == 0)
            .Select(r => (Code: r.GetProperty("code").GetString()!, Set: r.GetProperty("entitySet").GetString()!))
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        var matrix = PerimeterTargets.Reports.Select(t => (Code: t.ReportCode!, Set: t.EntitySet)).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        Assert.True(catalogue.SequenceEqual(matrix),
            "The perimeter matrix must cover every report of GET /api/reports: add the new report, its measure and its independent SQL to "
            + $"Security/Support/PerimeterTargets.cs. Catalogue: {string.Join(", ", catalogue)}; matrix: {string.Join(", ", matrix)}");
    }

    [Theory]
    [InlineData(WarehouseProvider.Sqlite)]
    [InlineData(WarehouseProvider.PostgreSql)]
    public async Task The_two_ministries_partition_the_data_so_each_perimeter_check_is_meaningful(WarehouseProvider provider)
    {
        var warehouse = warehouses.For(provider);
        var exercice = await IndependentSql.LatestExerciceAsync(warehouse);
        foreach (var target in PerimeterTargets.Reports.Concat(PerimeterTargets.EntitySets))
        {
            var year = target.IsReport ? exercice : (int?)null;
            var all = await target.ExpectedAsync(warehouse, Perimeter.All, year);
            var min09 = await target.ExpectedAsync(warehouse, Perimeter.Of("MIN09"), year);
            var min18 = await target.ExpectedAsync(warehouse, Perimeter.Of("MIN18"), year);
            Assert.Equal(all.Sum, min09.Sum + min18.Sum);
            // Otherwise the matrix would prove nothing for this target. A ministry may have no data for a report (MIN18
            // buys nothing under a marché in tiny): the other one's rows then must not leak to it, which the matrix checks.
            Assert.True(min09.Sum != 0 || min18.Sum != 0, $"{target.Name}: no data for either ministry in tiny");
            Assert.NotEqual(min09.Sum, min18.Sum);
        }
    }

    internal static async Task<List<JsonElement>> FollowAsync(SecurityApp app, string url, string token) =>
        (await FollowCountingAsync(app, url, token)).Rows;

    /// <summary>Every row from <paramref name="url"/> on, following next links, and the count the first page announced.</summary>
    internal static async Task<(List<JsonElement> Rows, long? Count)> FollowCountingAsync(SecurityApp app, string url, string token)
    {
        var rows = new List<JsonElement>();
        long? count = null;
        string? next = url;
        for (var page = 0; next is not null; page++)
        {
            Assert.True(page < MaxPages, $"more than {MaxPages} pages from {url}");
            var response = await app.GetOkAsync(next, token);
            if (page == 0)
            {
                count = response.ODataCount() ?? (response.Json.TryGetProperty("count", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt64() : null);
            }

            rows.AddRange(response.Rows());
            next = response.NextLink();
        }

        return (rows, count);
    }

    internal static void AssertRows(
        PerimeterTarget target, Perimeter perimeter, IReadOnlyDictionary<string, string> programmes, IReadOnlyList<JsonElement> rows,
        decimal expectedSum, string request)
    {
        if (perimeter.Kind == PerimeterKind.Nothing)
        {
            if (target.HasDimensions)
            {
                Assert.True(rows.Count == 0, $"{request} → {rows.Count} rows for a caller without perimeter");
            }
            else
            {
                // A report without dimensions always answers its one row: all zeros here.
                Assert.True(rows.Count == 1, $"{request} → {rows.Count} rows, expected the one row of a report without dimensions");
                foreach (var property in rows[0].EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number && p.Name != "Ligne"))
                {
                    Assert.True(property.Value.GetDecimal() == 0m, $"{request} → {property.Name} = {property.Value} for a caller without perimeter");
                }
            }

            return;
        }

        foreach (var row in rows)
        {
            var programme = target.ProgrammeColumn is { } p ? row.Text(p) : null;
            var ministere = target.MinistereColumn is { } m ? row.Text(m)
                : programme is not null && programmes.TryGetValue(programme, out var owner) ? owner
                : null;
            if (ministere is not null)
            {
                Assert.True(perimeter.Sees(ministere, programme),
                    $"{request} shows a row of {ministere}/{programme} to a caller of perimeter {perimeter}: {row}");
            }
        }

        Assert.Equal(expectedSum, rows.Sum(target.Measure));
    }
}
