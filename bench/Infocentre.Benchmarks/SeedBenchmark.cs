using System.Diagnostics;
using System.Globalization;
using Infocentre.TestSupport.PostgreSql;
using Infocentre.Warehouse;
using Infocentre.Warehouse.Bulk;
using Infocentre.Warehouse.DemoData;

namespace Infocentre.Benchmarks;

/// <summary>
/// Measures generating and loading a demo warehouse, end to end in a fresh process: elapsed time, rows per
/// second and the process's peak working set. With <c>--provider all</c> (the default) each measure runs in
/// its own child process, so that one measure's memory does not show in the next one's peak.
/// </summary>
internal static class SeedBenchmark
{
    private const string ResultPrefix = "RESULT ";

    public static async Task<int> RunAsync(string[] args)
    {
        var size = DemoSize.Demo;
        var provider = "all";
        string? database = null;
        var bulk = new BulkWriterOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--size" when i + 1 < args.Length:
                    size = DemoSizes.Parse(args[++i]);
                    break;
                case "--rows-per-statement" when i + 1 < args.Length:
                    bulk.RowsPerStatement = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--keep-indexes":
                    bulk.RebuildIndexes = false;
                    break;
                case "--defer-foreign-keys":
                    bulk.DeferForeignKeyChecks = true;
                    break;
                case "--cache-mib" when i + 1 < args.Length:
                    bulk.SqliteCacheKib = int.Parse(args[++i], CultureInfo.InvariantCulture) * 1024;
                    break;
                case "--database" when i + 1 < args.Length:
                    database = args[++i];
                    break;
                case "--provider" when i + 1 < args.Length:
                    provider = args[++i].ToLowerInvariant();
                    break;
                default:
                    Console.Error.WriteLine($"Unknown option '{args[i]}'.");
                    return 2;
            }
        }

        return provider switch
        {
            "all" => await RunAllAsync(size),
            "generate" => Report(await GenerateOnlyAsync(size)),
            "sqlite" => Report(await SqliteAsync(size, database, bulk)),
            "postgresql" => Report(await PostgreSqlAsync(size, bulk)),
            _ => Usage(provider),
        };
    }

    private static int Usage(string provider)
    {
        Console.Error.WriteLine($"Unknown provider '{provider}': use sqlite, postgresql, generate or all.");
        return 2;
    }

    private sealed record Measure(string What, DemoSize Size, long Rows, long FactRows, TimeSpan Elapsed, long PeakWorkingSet)
    {
        /// <summary>CPU time of this process (all threads) when the measure ends: wall time on a shared machine varies with its load.</summary>
        public TimeSpan Cpu { get; } = CpuTime();

        public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
    }

    private static int Report(Measure m)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ResultPrefix}{m.What}|{m.Size.Name()}|{m.Rows}|{m.FactRows}|{m.Elapsed.TotalSeconds:0.0}|{m.RowsPerSecond:0}|{m.PeakWorkingSet / (1024 * 1024)}|{m.Cpu.TotalSeconds:0.0}"));
        return 0;
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.TotalProcessorTime;
    }

    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }

    private static Task<Measure> GenerateOnlyAsync(DemoSize size)
    {
        var stopwatch = Stopwatch.StartNew();
        var data = DemoDataSet.Create(size);
        long facts = data.Credits().LongCount() + data.Engagements().LongCount() + data.ServicesFaits().LongCount()
            + data.Paiements().LongCount() + data.Titres().LongCount() + data.Encaissements().LongCount()
            + data.Ecritures().LongCount();
        long dimensions = data.Tiers.Count + data.Clients.Count + data.Calendrier().LongCount();
        stopwatch.Stop();
        return Task.FromResult(new Measure("generate", size, facts + dimensions, facts, stopwatch.Elapsed, PeakWorkingSet()));
    }

    /// <summary>Seeds a SQLite file: a temporary one (deleted afterwards), or <paramref name="database"/>, which is kept.</summary>
    private static async Task<Measure> SqliteAsync(DemoSize size, string? database, BulkWriterOptions bulk)
    {
        var keep = database is not null;
        var folder = keep
            ? Path.GetDirectoryName(Path.GetFullPath(database!))!
            : Path.Combine(Path.GetTempPath(), "infocentre-seed-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var file = keep ? Path.GetFullPath(database!) : Path.Combine(folder, "warehouse.db");
        Directory.CreateDirectory(folder);
        try
        {
            var options = new WarehouseOptions
            {
                Provider = WarehouseProvider.Sqlite,
                ConnectionString = $"Data Source={file};Pooling=False",
                CommandTimeoutSeconds = 3600,
            };
            await using var db = WarehouseDatabase.CreateContext(options);
            var summary = await DemoSeeder.SeedAsync(db, size, Progress(), bulk, CancellationToken.None);
            var bytes = new DirectoryInfo(folder).EnumerateFiles(Path.GetFileName(file) + "*").Sum(f => f.Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SQLite files: {bytes / (1024 * 1024)} MiB"));
            return new Measure("sqlite", size, summary.TotalRows, summary.FactRows, summary.Elapsed, PeakWorkingSet());
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<Measure> PostgreSqlAsync(DemoSize size, BulkWriterOptions bulk)
    {
        await using var server = await PostgreSqlServer.StartAsync(CancellationToken.None);
        var connectionString = await server.CreateDatabaseAsync("seed_bench", CancellationToken.None);
        var options = new WarehouseOptions
        {
            Provider = WarehouseProvider.PostgreSql,
            ConnectionString = connectionString,
            CommandTimeoutSeconds = 3600,
        };
        await using var db = WarehouseDatabase.CreateContext(options);
        var summary = await DemoSeeder.SeedAsync(db, size, Progress(), bulk, CancellationToken.None);
        return new Measure("postgresql", size, summary.TotalRows, summary.FactRows, summary.Elapsed, PeakWorkingSet());
    }

    private static SynchronousProgress Progress() => new();

    /// <summary>Prints one line per table, when the table is done (IProgress without a synchronization context).</summary>
    private sealed class SynchronousProgress : IProgress<SeedProgress>
    {
        private string? table;
        private SeedProgress? last;

        public void Report(SeedProgress value)
        {
            if (table is not null && table != value.Table && last is not null)
            {
                Print(last);
            }

            table = value.Table;
            last = value;
            if (value.Table == "load_record")
            {
                Print(value);
            }
        }

        private static void Print(SeedProgress p) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  [{p.TableNumber,2}/{p.TableCount}] {p.Table,-26} {p.TableRows,10:N0} rows   total {p.TotalRows,10:N0}   {p.Elapsed.TotalSeconds,6:0.0} s"));
    }

    private static async Task<int> RunAllAsync(DemoSize size)
    {
        // Run either as the apphost or as "dotnet Infocentre.Benchmarks.dll": start the children the same way.
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Unknown executable path.");
        var prefix = string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase)
            ? new[] { typeof(SeedBenchmark).Assembly.Location }
            : [];
        var results = new List<string[]>();
        foreach (var provider in new[] { "generate", "sqlite", "postgresql" })
        {
            Console.WriteLine($"== {provider} ({size.Name()}) ==");
            var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in prefix.Concat(["seed", "--size", size.Name(), "--provider", provider]))
            {
                start.ArgumentList.Add(argument);
            }

            using var child = Process.Start(start)!;
            while (await child.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
                {
                    results.Add(line[ResultPrefix.Length..].Split('|'));
                }
                else
                {
                    Console.WriteLine(line);
                }
            }

            await child.WaitForExitAsync();
            if (child.ExitCode != 0)
            {
                Console.Error.WriteLine($"{provider} failed with exit code {child.ExitCode}.");
                return child.ExitCode;
            }
        }

        Console.WriteLine();
        Console.WriteLine("| Measure | Size | Rows (all tables) | Fact rows | Elapsed (s) | Rows/s | Peak working set (MiB) | Process CPU (s) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine($"| {r[0]} | {r[1]} | {long.Parse(r[2], CultureInfo.InvariantCulture):N0} | {long.Parse(r[3], CultureInfo.InvariantCulture):N0} | {r[4]} | {long.Parse(r[5], CultureInfo.InvariantCulture):N0} | {r[6]} | {r[7]} |");
        }

        return 0;
    }
}
