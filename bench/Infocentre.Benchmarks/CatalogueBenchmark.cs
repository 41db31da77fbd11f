using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Infocentre.Benchmarks.Harness;
using Infocentre.Warehouse;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Benchmarks;

/// <summary>
/// The first page of every report of the catalogue as an analyst gets it: <c>GET /api/reports/{code}/rows</c> with
/// the report's default parameters and the default page size, on the real service (a child process on Kestrel) over
/// the <c>demo</c> warehouse. The reports are the ones the started service lists at <c>GET /api/reports</c>, so new
/// definitions are measured without touching this file.
/// </summary>
/// <remarks>
/// One warm-up request per report, then N runs; each run requests every report once, round-robin, starting one
/// report further than the run before, so that the machine's noise spreads over all reports alike. A report whose
/// request fails (not 200) is reported and not requested again.
/// </remarks>
internal static class CatalogueBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            return 2;
        }

        var root = BenchPaths.RepositoryRoot();
        var api = BenchPaths.FindApi(options.Api, root, "Release");
        if (api is null)
        {
            return 2;
        }

        var reports = options.Reports ?? Path.Combine(root, "reports");
        Console.WriteLine($"Service: {api}");
        Console.WriteLine($"Reports: {reports}");
        Console.WriteLine(BenchMachine.Describe());
        var document = new StringBuilder();
        var failed = false;
        foreach (var provider in options.Providers)
        {
            try
            {
                var table = provider == WarehouseProvider.Sqlite
                    ? await DemoWarehouse.OnSqliteAsync(options.SqliteFile, "infocentre-catalogue-bench-", w => MeasureAsync("SQLite", w, api, reports, options.Runs))
                    : await DemoWarehouse.OnPostgreSqlAsync("catalogue_bench", w => MeasureAsync("PostgreSQL", w, api, reports, options.Runs));
                failed |= table.Measures.Any(m => m.Failure is not null);
                document.Append(table.ToMarkdown());
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TimeoutException or System.Data.Common.DbException)
            {
                // One engine failing must not lose the other's table.
                Console.Error.WriteLine($"{provider}: {e}");
                failed = true;
            }
        }

        Console.WriteLine();
        Console.Write(document);
        if (options.Output is { } output && document.Length > 0)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            await File.WriteAllTextAsync(output, document.ToString());
            Console.WriteLine($"Written to {output}");
        }

        return failed ? 1 : 0;
    }

    private static async Task<CatalogueTable> MeasureAsync(string engine, WarehouseOptions warehouse, string api, string reports, int runs)
    {
        string version;
        await using (var db = WarehouseDatabase.CreateContext(warehouse))
        {
            await db.Database.OpenConnectionAsync();
            version = await DemoWarehouse.EngineVersionAsync(db.Database.GetDbConnection(), warehouse.Provider);
        }

        var loadBefore = BenchMachine.LoadAverage();
        Console.WriteLine($"{engine}: {version}; {loadBefore}");
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        await using var service = await ServiceProcess.StartAsync(api, warehouse, new ServiceSettings(reports) { Subject = "catalogue-benchmark" });
        var catalogue = await service.Http.GetFromJsonAsync<List<CatalogueEntry>>(new Uri("/api/reports", UriKind.Relative), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("GET /api/reports returned no catalogue.");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine}: {catalogue.Count} reports listed by GET /api/reports."));

        var measures = catalogue.Select(entry => new ReportMeasure(entry)).ToList();
        for (var run = -1; run < runs; run++)
        {
            for (var k = 0; k < measures.Count; k++)
            {
                var measure = measures[(k + run + 1) % measures.Count];
                if (measure.Failure is not null)
                {
                    continue;
                }

                var elapsed = await FirstPageAsync(service.Http, measure);
                if (run >= 0 && measure.Failure is null)
                {
                    measure.Runs.Add(elapsed);
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{engine}: {(run < 0 ? "warm-up" : $"run {run + 1}/{runs}")} done at {clock.Elapsed.TotalSeconds:0} s; {BenchMachine.LoadAverage()}"));
        }

        return new CatalogueTable(engine, version, BenchMachine.Describe(), runs, started, clock.Elapsed, loadBefore, BenchMachine.LoadAverage(), measures);
    }

    /// <summary>One request for the first page: the time until the whole body has arrived; what came back is kept in <paramref name="measure"/>.</summary>
    private static async Task<double> FirstPageAsync(HttpClient http, ReportMeasure measure)
    {
        var url = new Uri($"/api/reports/{Uri.EscapeDataString(measure.Entry.Code)}/rows", UriKind.Relative);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = stopwatch.Elapsed.TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                measure.Failure = $"{(int)response.StatusCode} {Problem(body)}";
                Console.Error.WriteLine($"{measure.Entry.Code}: {measure.Failure}");
                return elapsed;
            }

            measure.Record(body);
            return elapsed;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            measure.Failure = $"no response after {stopwatch.Elapsed.TotalSeconds:0} s: {e.Message}";
            Console.Error.WriteLine($"{measure.Entry.Code}: {measure.Failure}");
            return stopwatch.Elapsed.TotalMilliseconds;
        }
    }

    /// <summary>The title and detail of a ProblemDetails body, or the start of the body.</summary>
    private static string Problem(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var title = json.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = json.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return $"{title}: {detail}";
        }
        catch (JsonException)
        {
            var text = Encoding.UTF8.GetString(body);
            return text.Length > 200 ? text[..200] : text;
        }
    }

    private sealed class Options() : DemoBenchOptions([WarehouseProvider.Sqlite], runs: 5)
    {
        public string? Reports { get; private set; }

        public string? Output { get; private set; }

        public static Options? Parse(string[] args)
        {
            var options = new Options();
            if (!options.ReadAll(args, Usage))
            {
                return null;
            }

            if (options.Reports is { } folder && !Directory.Exists(folder))
            {
                Console.Error.WriteLine($"--reports: no folder '{folder}'.");
                return null;
            }

            return options;
        }

        protected override bool TryReadOwn(string[] args, ref int i)
        {
            switch (args[i])
            {
                case "--reports" when i + 1 < args.Length:
                    Reports = Path.GetFullPath(args[++i]);
                    return true;
                case "--output" when i + 1 < args.Length:
                    Output = Path.GetFullPath(args[++i]);
                    return true;
                default:
                    return false;
            }
        }
    }

    public const string Usage =
        "--provider sqlite|postgresql|all (sqlite), --runs N (5), --sqlite-file <path> (kept and reused), --api <dll>, --reports <folder>, --output <file.md>";
}
