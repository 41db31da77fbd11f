using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Linq.Expressions;
using System.Reflection;
using System.Xml;
using Infocentre.Benchmarks.Harness;
using Infocentre.Reports;
using Infocentre.Reports.Parameters;
using Infocentre.Warehouse;
using Infocentre.Warehouse.DemoData;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Benchmarks;

/// <summary>
/// GET /api/reports/{code}/export.xlsx end to end over HTTP on the real service (a child process on Kestrel, as it
/// ships), for 100,000 and 1,000,000 rows, against what it cannot do better than: the same EF Core query read to the
/// end in this process plus plain SpreadCheetah writing the same rows to a file. Also the service's peak resident
/// memory while it exports (sampled from /proc), to check that memory does not grow with the row count.
/// </summary>
/// <remarks>
/// Data: the tiny demo warehouse on SQLite plus N synthetic ledger lines of the latest exercice (one INSERT … WITH
/// RECURSIVE), read through a report with one row per line (INF-CGE-98, added to a copy of reports/). A fresh service
/// per size, one warm-up export, then runs interleaved (export, baseline, export, baseline…); medians.
/// SpreadCheetah is loaded from the service's own output folder (the benchmark project does not reference it).
/// </remarks>
internal static class ExportBenchmark
{
    private const string Code = "INF-CGE-98";

    private const string ReportYaml = """
        code: INF-CGE-98
        entitySet: LignesEcrituresBench
        title: Lignes d'écritures (banc des exports)
        description: Une ligne par ligne d'écriture comptable, pour mesurer les exports volumineux.
        domain: comptabilite-generale
        source: EcrituresComptables
        perimeter: MinistereCode
        parameters:
          - name: exercice
            type: int
            label: Exercice
            description: Exercice comptable (par défaut le dernier chargé).
            required: true
            default: latest
        filter: Exercice eq @exercice
        dimensions:
          - { name: Societe, property: SocieteCode, label: Société, format: text }
          - { name: Piece, property: PieceNumero, label: N° de pièce, format: text }
          - { name: NumeroLigne, property: Ligne, label: Ligne, format: integer }
          - { name: DateComptable, property: DateComptable, label: Date comptable, format: date }
          - { name: Compte, property: CompteGeneralCode, label: Compte général, format: text }
          - { name: Libelle, property: Libelle, label: Libellé, format: text }
        measures:
          - { name: Debit, aggregate: sum, property: Debit, label: Débit, format: "#,##0.00" }
          - { name: Credit, aggregate: sum, property: Credit, label: Crédit, format: "#,##0.00" }
        orderBy: [Societe, Piece, NumeroLigne]
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = new List<int> { 100_000, 1_000_000 };
        var runs = 3;
        string? api = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows" when i + 1 < args.Length:
                    sizes = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
                    break;
                case "--runs" when i + 1 < args.Length:
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--api" when i + 1 < args.Length:
                    api = Path.GetFullPath(args[++i]);
                    break;
                default:
                    Console.Error.WriteLine("Options: --rows 100000,1000000 --runs 3 --api <Infocentre.Api.dll>");
                    return 2;
            }
        }

        var root = BenchPaths.RepositoryRoot();
        api = BenchPaths.FindApi(api, root, "Release");
        if (api is null)
        {
            return 2;
        }

        Console.WriteLine($"Service: {api}");
        Console.WriteLine(BenchMachine.Describe());
        var baseline = SpreadCheetahBaseline.Load(Path.GetDirectoryName(api)!);
        var folder = Directory.CreateTempSubdirectory("infocentre-export-bench-").FullName;
        var results = new List<Result>();
        try
        {
            var reports = CatalogueCopy(root, folder);
            foreach (var size in sizes)
            {
                results.Add(await MeasureAsync(size, runs, api, reports, folder, baseline));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Medians of {runs} interleaved runs after one warm-up (seconds; MB = 10^6 bytes):"));
        Console.WriteLine();
        Console.WriteLine("| Rows | File | Export over HTTP | Query alone | SpreadCheetah alone | Query + SpreadCheetah | Ratio | Service peak RSS | Service RSS before |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Rows:N0} | {r.FileBytes / 1e6:0.0} MB | {r.Export:0.00} | {r.Query:0.00} | {r.Write:0.00} | {r.Query + r.Write:0.00} | {r.Export / (r.Query + r.Write):0.00}× | {r.PeakRss / 1e6:0} MB | {r.IdleRss / 1e6:0} MB |"));
        }

        if (results.Count >= 2)
        {
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Peak RSS growth from {results[0].Rows:N0} to {results[^1].Rows:N0} rows: {(results[^1].PeakRss - results[0].PeakRss) / 1e6:0} MB"));
        }

        return 0;
    }

    private static async Task<Result> MeasureAsync(int size, int runs, string api, string reports, string folder, SpreadCheetahBaseline baseline)
    {
        var file = Path.Combine(folder, $"ledger-{size.ToString(CultureInfo.InvariantCulture)}.db");
        var warehouse = new WarehouseOptions { Provider = WarehouseProvider.Sqlite, ConnectionString = $"Data Source={file}", CommandTimeoutSeconds = 3600 };
        var seeding = Stopwatch.StartNew();
        await using (var db = WarehouseDatabase.CreateContext(warehouse))
        {
            await DemoSeeder.SeedAsync(db, DemoSize.Tiny, null, CancellationToken.None);
        }

        await AddLedgerLinesAsync(warehouse.ConnectionString, size);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size:N0} rows: warehouse ready in {seeding.Elapsed.TotalSeconds:0.0} s"));

        // Long exports: the client and the database wait as long as the export may take; the console log is kept quiet.
        await using var service = await ServiceProcess.StartAsync(api, warehouse, new ServiceSettings(reports)
        {
            HttpTimeout = TimeSpan.FromMinutes(30),
            Role = "exporter",
            Subject = "export-benchmark",
            Environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Warehouse__CommandTimeoutSeconds"] = "3600",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        });
        var idle = service.Rss();
        var output = Path.Combine(folder, "export.xlsx");
        var exports = new List<double>();
        var queries = new List<double>();
        var writes = new List<double>();
        long peak = 0;
        long rows = 0;
        for (var run = -1; run < runs; run++)
        {
            var (elapsed, runPeak) = await ExportAsync(service, $"/api/reports/{Code}/export.xlsx", output);
            var (query, write, count) = await BaselineAsync(warehouse, reports, baseline, Path.Combine(folder, "baseline.xlsx"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {(run < 0 ? "warm-up" : "run " + (run + 1))}: export {elapsed:0.00} s (service peak RSS {runPeak / 1e6:0} MB); query {query:0.00} s + SpreadCheetah {write:0.00} s ({count:N0} rows)"));
            rows = count;
            if (run >= 0)
            {
                exports.Add(elapsed);
                queries.Add(query);
                writes.Add(write);
                peak = Math.Max(peak, runPeak);
            }
        }

        var exported = CountDataRows(output);
        if (exported != rows)
        {
            throw new InvalidOperationException($"The export holds {exported} data rows, the query {rows}.");
        }

        peak = Math.Max(peak, service.PeakRss());
        return new Result(rows, new FileInfo(output).Length, Statistics.Median(exports), Statistics.Median(queries), Statistics.Median(writes), peak, idle);
    }

    private static async Task AddLedgerLinesAsync(string connectionString, int count)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 3600;
        command.CommandText = $"""
            INSERT INTO fact_ecriture_comptable
                (exercice, periode, societe_code, ministere_code, programme_code, piece_numero, ligne, journal, date_comptable,
                 compte_general_code, tiers_code, libelle, debit, credit)
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count.ToString(CultureInfo.InvariantCulture)})
            SELECT t.exercice, 1 + (n.i % 12), t.societe_code, t.ministere_code, t.programme_code, 'B' || printf('%09d', n.i), 1 + (n.i % 3), t.journal,
                   date(t.exercice || '-01-01', '+' || (n.i % 365) || ' days'), t.compte_general_code, t.tiers_code,
                   'Ligne de banc ' || n.i, printf('%d.%02d', n.i % 100000, n.i % 100), '0'
            FROM n, (SELECT * FROM fact_ecriture_comptable ORDER BY exercice DESC, id LIMIT 1) t
            """;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The service's work without the service: the report's query as the export builds it (default order then the
    /// key), read to the end through EF Core; then the same rows written by plain SpreadCheetah (header row, typed
    /// cells, no header block or description sheet) to a file.
    /// </summary>
    private static async Task<(double Query, double Write, long Rows)> BaselineAsync(
        WarehouseOptions warehouse, string reports, SpreadCheetahBaseline baseline, string output)
    {
        await using var db = WarehouseDatabase.CreateContext(warehouse);
        var catalogue = ReportCatalogue.Load(reports, db.Model);
        var report = catalogue.FindByCode(Code)!;
        var latest = await db.LedgerEntries.MaxAsync(l => l.Exercice);
        var query = report.CreateQuery(db, catalogue.Model, new BoundParameters(new Dictionary<string, object?>(StringComparer.Ordinal) { ["exercice"] = latest }));
        var order = new List<string>(report.Definition.OrderBy);
        order.AddRange(report.KeyProperties.Where(k => !order.Contains(k, StringComparer.Ordinal)));
        var row = Expression.Parameter(query.ElementType, "row");
        var expression = query.Expression;
        for (var i = 0; i < order.Count; i++)
        {
            var key = Expression.Property(row, order[i]);
            expression = Expression.Call(typeof(Queryable), i == 0 ? nameof(Queryable.OrderBy) : nameof(Queryable.ThenBy),
                [query.ElementType, key.Type], expression, Expression.Quote(Expression.Lambda(key, row)));
        }

        var ordered = query.Provider.CreateQuery(expression);
        var columns = report.Columns.Select(c => query.ElementType.GetProperty(c.Name)!).ToList();

        var watch = Stopwatch.StartNew();
        var rows = new List<object>();
        await foreach (var item in (IAsyncEnumerable<object>)typeof(EntityFrameworkQueryableExtensions)
            .GetMethod(nameof(EntityFrameworkQueryableExtensions.AsAsyncEnumerable))!.MakeGenericMethod(ordered.ElementType).Invoke(null, [ordered])!)
        {
            rows.Add(item);
        }

        var queryTime = watch.Elapsed.TotalSeconds;
        var fill = baseline.RowWriter(query.ElementType, columns);
        watch.Restart();
        await using (var file = File.Create(output))
        {
            await baseline.WriteAsync(file, report.Columns.Select(c => c.Label).ToArray(), rows, fill);
        }

        return (queryTime, watch.Elapsed.TotalSeconds, rows.Count);
    }

    /// <summary>Data rows of an export: the rows of every data sheet less the header rows (9 on the first sheet, 1 on the others).</summary>
    private static long CountDataRows(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        long rows = 0;
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal))
            .OrderBy(e => int.Parse(e.Name[5..^4], CultureInfo.InvariantCulture)).ToList();
        for (var s = 0; s < sheets.Count - 1; s++)
        {
            using var reader = XmlReader.Create(sheets[s].Open());
            long count = 0;
            while (reader.ReadToFollowing("row"))
            {
                count++;
            }

            rows += count - (s == 0 ? 9 : 1);
        }

        return rows;
    }

    private static string CatalogueCopy(string root, string folder)
    {
        var target = Path.Combine(folder, "reports");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "reports"), "*.yaml", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(Path.Combine(root, "reports"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        File.WriteAllText(Path.Combine(target, "comptabilite-generale", Code + ".yaml"), ReportYaml);
        return target;
    }

    /// <summary>Downloads an export to a file; returns the elapsed time and the service's highest RSS sampled meanwhile.</summary>
    private static async Task<(double Seconds, long PeakRss)> ExportAsync(ServiceProcess service, string url, string output)
    {
        using var sampling = new CancellationTokenSource();
        long peak = service.Rss();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, service.Rss());
                await Task.Delay(20);
            }
        });
        var watch = Stopwatch.StartNew();
        using (var response = await service.Http.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead))
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            await using var file = File.Create(output);
            await response.Content.CopyToAsync(file);
        }

        var elapsed = watch.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        return (elapsed, Math.Max(peak, service.Rss()));
    }

    private sealed record Result(long Rows, long FileBytes, double Export, double Query, double Write, long PeakRss, long IdleRss);

    /// <summary>
    /// Plain SpreadCheetah, loaded from the service's folder and driven through delegates compiled once (no
    /// reflection per row): a worksheet, a header row, one row of typed cells per report row.
    /// </summary>
    private sealed class SpreadCheetahBaseline
    {
        private readonly Type _dataCell;
        private readonly Func<Stream, Task<object>> _create;
        private readonly Func<object, string, Task> _startWorksheet;
        private readonly Func<object, Array, Task> _addRow;
        private readonly Func<object, Task> _finish;

        private SpreadCheetahBaseline(Assembly assembly)
        {
            var spreadsheet = assembly.GetType("SpreadCheetah.Spreadsheet", throwOnError: true)!;
            var options = assembly.GetType("SpreadCheetah.SpreadCheetahOptions", throwOnError: true)!;
            var worksheetOptions = assembly.GetType("SpreadCheetah.Worksheets.WorksheetOptions", throwOnError: true)!;
            _dataCell = assembly.GetType("SpreadCheetah.DataCell", throwOnError: true)!;
            var none = Expression.Constant(CancellationToken.None);

            var stream = Expression.Parameter(typeof(Stream), "stream");
            var create = spreadsheet.GetMethod("CreateNewAsync", [typeof(Stream), options, typeof(CancellationToken)])!;
            var createCall = Expression.Call(create, stream, Expression.Constant(null, options), none);
            var createTask = Expression.Call(createCall, createCall.Type.GetMethod("AsTask")!);
            var asObject = typeof(SpreadCheetahBaseline).GetMethod(nameof(AsObject), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(spreadsheet);
            _create = Expression.Lambda<Func<Stream, Task<object>>>(Expression.Call(asObject, createTask), stream).Compile();

            var instance = Expression.Parameter(typeof(object), "spreadsheet");
            var typed = Expression.Convert(instance, spreadsheet);
            var name = Expression.Parameter(typeof(string), "name");
            var start = spreadsheet.GetMethod("StartWorksheetAsync", [typeof(string), worksheetOptions, typeof(CancellationToken)])!;
            _startWorksheet = Expression.Lambda<Func<object, string, Task>>(
                AsTask(Expression.Call(typed, start, name, Expression.Constant(null, worksheetOptions), none)), instance, name).Compile();

            var cells = Expression.Parameter(typeof(Array), "cells");
            var array = _dataCell.MakeArrayType();
            var addRow = spreadsheet.GetMethod("AddRowAsync", [array, typeof(CancellationToken)])!;
            _addRow = Expression.Lambda<Func<object, Array, Task>>(
                AsTask(Expression.Call(typed, addRow, Expression.Convert(cells, array), none)), instance, cells).Compile();

            var finish = spreadsheet.GetMethod("FinishAsync", [typeof(CancellationToken)])!;
            _finish = Expression.Lambda<Func<object, Task>>(AsTask(Expression.Call(typed, finish, none)), instance).Compile();
        }

        public static SpreadCheetahBaseline Load(string folder) => new(Assembly.LoadFrom(Path.Combine(folder, "SpreadCheetah.dll")));

        /// <summary>Fills a DataCell[] from a report row: one typed cell per column (DateOnly as DateTime, null as an empty cell).</summary>
        public Action<object, Array> RowWriter(Type rowType, List<PropertyInfo> columns)
        {
            var row = Expression.Parameter(typeof(object), "row");
            var cells = Expression.Parameter(typeof(Array), "cells");
            var typedCells = Expression.Variable(_dataCell.MakeArrayType(), "typed");
            var typedRow = Expression.Variable(rowType, "item");
            var body = new List<Expression>
            {
                Expression.Assign(typedCells, Expression.Convert(cells, typedCells.Type)),
                Expression.Assign(typedRow, Expression.Convert(row, rowType)),
            };
            for (var i = 0; i < columns.Count; i++)
            {
                Expression value = Expression.Property(typedRow, columns[i]);
                var underlying = Nullable.GetUnderlyingType(value.Type);
                if ((underlying ?? value.Type) == typeof(DateOnly))
                {
                    var toDateTime = typeof(DateOnly).GetMethod(nameof(DateOnly.ToDateTime), [typeof(TimeOnly)])!;
                    value = underlying is null
                        ? Expression.Call(value, toDateTime, Expression.Constant(TimeOnly.MinValue))
                        : Expression.Condition(Expression.Property(value, "HasValue"),
                            Expression.Convert(Expression.Call(Expression.Property(value, "Value"), toDateTime, Expression.Constant(TimeOnly.MinValue)), typeof(DateTime?)),
                            Expression.Constant(null, typeof(DateTime?)));
                }

                var ctor = _dataCell.GetConstructor([value.Type]) ?? throw new InvalidOperationException($"No DataCell for {value.Type}.");
                body.Add(Expression.Assign(Expression.ArrayAccess(typedCells, Expression.Constant(i)), Expression.New(ctor, value)));
            }

            return Expression.Lambda<Action<object, Array>>(Expression.Block([typedCells, typedRow], body), row, cells).Compile();
        }

        public async Task WriteAsync(Stream output, string[] labels, List<object> rows, Action<object, Array> fill)
        {
            var spreadsheet = await _create(output);
            await _startWorksheet(spreadsheet, "Données");
            var cells = Array.CreateInstance(_dataCell, labels.Length);
            var ctor = _dataCell.GetConstructor([typeof(string)])!;
            for (var i = 0; i < labels.Length; i++)
            {
                cells.SetValue(ctor.Invoke([labels[i]]), i);
            }

            await _addRow(spreadsheet, cells);
            foreach (var row in rows)
            {
                fill(row, cells);
                await _addRow(spreadsheet, cells);
            }

            await _finish(spreadsheet);
            await ((IAsyncDisposable)spreadsheet).DisposeAsync();
        }

        private static MethodCallExpression AsTask(MethodCallExpression valueTask) => Expression.Call(valueTask, valueTask.Type.GetMethod("AsTask")!);

        private static async Task<object> AsObject<T>(Task<T> task) => (await task)!;
    }
}
