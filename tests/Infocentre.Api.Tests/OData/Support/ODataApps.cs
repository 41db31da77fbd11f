using System.Collections.Concurrent;
using System.Globalization;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.TestSupport;
using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.OData.Support;

/// <summary>A started service, an administrator's client bound to it, and the warehouse it reads.</summary>
internal sealed record ODataApp(InfocentreApp App, HttpClient Client, WarehouseOptions Warehouse)
{
    public WarehouseProvider Provider => Warehouse.Provider;

    /// <summary>
    /// The warehouse queries executed since the last call, the log then cleared. The service's own bookkeeping
    /// (audit entries written in the background, freshness, API keys) is left out.
    /// </summary>
    public IReadOnlyList<string> TakeSql()
    {
        var commands = App.Sql.Commands;
        App.Sql.Clear();
        return commands.Where(c => !Bookkeeping.Any(table => c.Contains(table, StringComparison.Ordinal))).ToList();
    }

    private static readonly string[] Bookkeeping = ["audit_entry", "load_record", "api_key"];
}

/// <summary>
/// Services shared by the OData tests (starting one compiles the catalogue): one per warehouse and profile,
/// started on first use and left running until the test process ends (their Kestrel threads are background
/// threads). The tests of <see cref="TinyWarehouseCollection"/> run one after another, so a test may clear and
/// read an app's SQL log.
/// </summary>
internal static class ODataApps
{
    /// <summary>Default configuration (page size 5000).</summary>
    public const string Default = "default";

    /// <summary>Pages of <see cref="PageSize"/> rows, so that every response of a few rows has a next link.</summary>
    public const string Paged = "paged";

    /// <summary>Paged, with links built from <see cref="PublicBaseUrl"/>.</summary>
    public const string Public = "public";

    public const int PageSize = 2;

    public const string PublicBaseUrl = "https://infocentre.example.gouv.fr/api";

    private static readonly ConcurrentDictionary<string, Lazy<Task<ODataApp>>> Apps = new(StringComparer.Ordinal);

    public static Task<ODataApp> GetAsync(TinyWarehouses warehouses, WarehouseProvider provider, string profile = Default)
    {
        var warehouse = warehouses.For(provider);
        var key = profile + "|" + warehouse.Provider + "|" + warehouse.ConnectionString;
        return Apps.GetOrAdd(key, _ => new Lazy<Task<ODataApp>>(() => StartAsync(warehouse, Settings(profile)))).Value;
    }

    private static Dictionary<string, string?> Settings(string profile)
    {
        // Hostile-request tests send hundreds of requests from one principal.
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal) { ["Limits:RequestsPerMinute"] = "1000000" };
        if (profile is Paged or Public)
        {
            settings["OData:PageSize"] = PageSize.ToString(CultureInfo.InvariantCulture);
        }

        if (profile == Public)
        {
            settings["OData:PublicBaseUrl"] = PublicBaseUrl;
        }

        return settings;
    }

    private static async Task<ODataApp> StartAsync(WarehouseOptions warehouse, Dictionary<string, string?> settings)
    {
#pragma warning disable CA2000 // Lives as long as the test process, see the class remarks.
        var app = new InfocentreApp(warehouse, settings);
#pragma warning restore CA2000
        var client = await app.StartAsync();
        return new ODataApp(app, client, warehouse);
    }
}
