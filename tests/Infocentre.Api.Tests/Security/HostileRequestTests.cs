using System.Globalization;
using System.Text.Json;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Security.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Security;

/// <summary>
/// The auth/parameter/encoding side of the hostile-request suite (see <see cref="HostileCases"/>): injection in
/// report parameters and REST filter/orderby, aliases carrying expressions, overlong URLs and headers, odd
/// encodings, huge numbers, bad tokens and wrong roles. Each gets the expected status (never a 5xx), no error
/// discloses internals, an accepted request stays inside the caller's perimeter, and /health/live still answers.
/// </summary>
[Collection(TinyWarehouseCollection.Name)]
public sealed class HostileRequestTests(TinyWarehouses warehouses)
{
    public static TheoryData<WarehouseProvider, string, string> Cases()
    {
        var data = new TheoryData<WarehouseProvider, string, string>();
        foreach (var c in HostileCases.All.Values)
        {
            data.Add(WarehouseProvider.Sqlite, c.Name, c.Category);
        }

        foreach (var c in HostileCases.All.Values.Where(c => c.BothEngines))
        {
            data.Add(WarehouseProvider.PostgreSql, c.Name, c.Category);
        }

        return data;
    }

    [Fact]
    public void The_suite_has_at_least_150_cases_expecting_a_4xx()
    {
        var errors = HostileCases.All.Values.Count(c => c.Expected.All(s => s is >= 400 and < 500));
        Assert.True(errors >= 150, $"{errors} cases expect a 4xx");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_request_gets_the_expected_status_and_the_service_stays_up(WarehouseProvider provider, string name, string description)
    {
        var app = await SecurityApps.GetAsync(warehouses, provider);
        var hostile = HostileCases.All[name];
        var valid = app.Reader("hostile-reader", ["MIN09"]);
        var exercice = (await IndependentSql.LatestExerciceAsync(app.Warehouse)).ToString(CultureInfo.InvariantCulture);
        var url = hostile.Url.Replace("{E}", exercice, StringComparison.Ordinal).Replace("{T}", valid, StringComparison.Ordinal);
        var token = hostile.Caller switch
        {
            Caller.Min09Reader => valid,
            Caller.Anonymous => null,
            _ => hostile.Token!(app.App.SigningKey, valid),
        };

        var result = await app.Send(hostile.Method, url, token, hostile.Configure);

        var shown = $"{name} ({description}): {hostile.Method} {url[..Math.Min(url.Length, 300)]}";
        Assert.True(result.Status < 500, $"{shown} → 5xx: {result}");
        Assert.True(hostile.Expected.Contains(result.Status), $"{shown} → expected {string.Join(" or ", hostile.Expected)}, got {result}");
        Disclosure.AssertClean(result, shown, sql: !hostile.QuotesSql);
        if (result.Status == 401 && hostile.Caller == Caller.Custom)
        {
            Assert.StartsWith("Bearer", result.Header("WWW-Authenticate") ?? "", StringComparison.Ordinal);
        }

        if (result.Status == 200)
        {
            var rows = result.Rows();
            if (hostile.Outcome == Outcome.NoRows)
            {
                Assert.True(rows.Count == 0, $"{shown} → {rows.Count} rows, expected none");
            }
            else
            {
                var programmes = await IndependentSql.ProgrammeMinistriesAsync(app.Warehouse);
                foreach (var row in rows)
                {
                    Assert.Equal("MIN09", MinistryOf(row, programmes));
                }
            }
        }

        var live = await app.GetAsync("/health/live", null);
        Assert.True(live.Status == 200, $"after {shown}: /health/live → {live}");
    }

    private static string? MinistryOf(JsonElement row, IReadOnlyDictionary<string, string> programmes)
    {
        foreach (var name in new[] { "Ministere", "MinistereCode" })
        {
            if (row.TryGetProperty(name, out var ministere))
            {
                return ministere.GetString();
            }
        }

        foreach (var name in new[] { "Programme", "ProgrammeCode" })
        {
            if (row.TryGetProperty(name, out var programme) && programmes.TryGetValue(programme.GetString() ?? "", out var owner))
            {
                return owner;
            }
        }

        throw new InvalidOperationException($"No ministère nor programme in {row}");
    }
}
