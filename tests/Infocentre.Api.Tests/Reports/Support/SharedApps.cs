using System.Collections.Concurrent;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Reports.Support;

/// <summary>A started service and a client bound to it.</summary>
internal sealed record RunningApp(InfocentreApp App, HttpClient Client, WarehouseOptions Warehouse);

/// <summary>
/// Started services shared by every report and REST test of the run (a static lazy, as starting one costs a
/// catalogue compilation and a self-test): one per warehouse and configuration profile. Tests of the
/// <see cref="TinyWarehouseCollection"/> run one after another, so a test may clear and read an app's SQL log.
/// The apps are never stopped: they end with the test process (their Kestrel threads are background threads),
/// after the collection fixture has dropped the databases they read.
/// </summary>
internal static class SharedApps
{
    /// <summary>The service with its default configuration (page size 5000, default limits).</summary>
    public const string Default = "default";

    /// <summary>Pages of two rows and small, explicit limits.</summary>
    public const string Paged = "paged";

    /// <summary>reports/ plus the test report of <see cref="TestCatalogue"/>.</summary>
    public const string Custom = "custom";

    public const int PagedPageSize = 2;
    public const int PagedMaxTop = 500;
    public const int PagedMaxSkip = 400;
    public const int PagedMaxNodeCount = 20;

    private static readonly ConcurrentDictionary<string, Lazy<Task<RunningApp>>> Apps = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, Dictionary<string, string?>> Profiles = new(StringComparer.Ordinal)
    {
        [Default] = [],
        [Paged] = new()
        {
            ["OData:PageSize"] = PagedPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OData:MaxTop"] = PagedMaxTop.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OData:MaxSkip"] = PagedMaxSkip.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OData:MaxNodeCount"] = PagedMaxNodeCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    public static Task<RunningApp> GetAsync(TinyWarehouses warehouses, WarehouseProvider provider, string profile = Default)
    {
        var warehouse = warehouses.For(provider);
        var key = profile + "|" + warehouse.Provider + "|" + warehouse.ConnectionString;
        return Apps.GetOrAdd(key, _ => new Lazy<Task<RunningApp>>(() => StartAsync(warehouse, Settings(profile)))).Value;
    }

    /// <summary>
    /// These tests send a few hundred requests a minute from one principal: the rate limit is raised so that
    /// only the behaviour under test can fail them.
    /// </summary>
    private static Dictionary<string, string?> Settings(string profile) =>
        new(profile switch
        {
            Custom => new() { ["Reports:Folder"] = TestCatalogue.Folder },
            _ => Profiles[profile],
        })
        {
            ["Limits:RequestsPerMinute"] = "1000000",
        };

    private static async Task<RunningApp> StartAsync(WarehouseOptions warehouse, Dictionary<string, string?> settings)
    {
#pragma warning disable CA2000 // Lives as long as the test process, see the class remarks.
        var app = new InfocentreApp(warehouse, settings);
#pragma warning restore CA2000
        using var ready = await app.StartAsync();
        // An interministerial administrator, for longer than a slow test run.
        var client = app.ClientWith(app.Token(lifetime: TimeSpan.FromHours(4)));
        return new RunningApp(app, client, warehouse);
    }
}
