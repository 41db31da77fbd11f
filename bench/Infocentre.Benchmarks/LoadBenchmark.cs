using System.Diagnostics;
using System.Globalization;
using Infocentre.Loading;
using Infocentre.Loading.Budget53;
using Infocentre.Loading.Common;
using Infocentre.TestSupport.PostgreSql;
using Infocentre.Warehouse;
using Infocentre.Warehouse.DemoData;

namespace Infocentre.Benchmarks;

/// <summary>
/// Loads a generated INF-BUD-53 extract (1,000,000 lines by default) into a `tiny` warehouse, loads it again
/// (every line identical), then next week's extract (1 % of the amounts changed, 2 % new lines), then a corrected
/// version (every amount changed): elapsed time, lines per second and the process's peak working set.
/// The extract is written before the measure and not counted.
/// </summary>
internal static class LoadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var lines = 1_000_000;
        var provider = "sqlite";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lines" when i + 1 < args.Length:
                    lines = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--provider" when i + 1 < args.Length:
                    provider = args[++i].ToLowerInvariant();
                    break;
                default:
                    Console.Error.WriteLine($"Unknown option '{args[i]}'. Use --lines n --provider sqlite|postgresql.");
                    return 2;
            }
        }

        var folder = Directory.CreateTempSubdirectory("infocentre-load-bench-");
        try
        {
            switch (provider)
            {
                case "sqlite":
                    await MeasureAsync("sqlite", new WarehouseOptions
                    {
                        Provider = WarehouseProvider.Sqlite,
                        ConnectionString = $"Data Source={Path.Combine(folder.FullName, "warehouse.db")};Pooling=False",
                        CommandTimeoutSeconds = 3600,
                    }, folder.FullName, lines);
                    return 0;
                case "postgresql":
                    await using (var server = await PostgreSqlServer.StartAsync(CancellationToken.None))
                    {
                        await MeasureAsync("postgresql", new WarehouseOptions
                        {
                            Provider = WarehouseProvider.PostgreSql,
                            ConnectionString = await server.CreateDatabaseAsync("load_bench", CancellationToken.None),
                            CommandTimeoutSeconds = 3600,
                        }, folder.FullName, lines);
                    }

                    return 0;
                default:
                    Console.Error.WriteLine($"Unknown provider '{provider}': use sqlite or postgresql.");
                    return 2;
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task MeasureAsync(string provider, WarehouseOptions options, string folder, int lines)
    {
        var extract = Path.Combine(folder, "inf-bud-53-bench.csv");
        var corrected = Path.Combine(folder, "inf-bud-53-bench-corrected.csv");
        var nextWeek = Path.Combine(folder, "inf-bud-53-bench-next-week.csv");
        await using (var db = WarehouseDatabase.CreateContext(options))
        {
            await DemoSeeder.SeedAsync(db, DemoSize.Tiny, null, CancellationToken.None);
            await SyntheticInfBud53.WriteAsync(db, extract, 2024, lines, amountSeed: 1, CancellationToken.None);
            await SyntheticInfBud53.WriteAsync(db, corrected, 2024, lines, amountSeed: 2, CancellationToken.None);
            // A weekly extract: the same keys, 1 % of them with another amount, and 2 % new lines.
            await SyntheticInfBud53.WriteAsync(db, nextWeek, 2024, lines, amountSeed: 1, CancellationToken.None, changeEvery: 100, newLines: lines / 50);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Extract: {lines:N0} lines, {new FileInfo(extract).Length / (1024 * 1024)} MiB; peak working set before loading {PeakMib()} MiB"));
        // The same keys four times: all new, all identical (nothing to write), a weekly extract, all with another amount.
        foreach (var (run, file) in new[] { ("first load", extract), ("same file again", extract), ("next week", nextWeek), ("corrected file", corrected) })
        {
            await using var db = WarehouseDatabase.CreateContext(options);
            var steps = new StepTimes();
            var stopwatch = Stopwatch.StartNew();
            var result = await new ExtractLoader(db, new LoadOptions { StepHook = steps.Enter }).LoadAsync(file, null, "bench", CancellationToken.None);
            stopwatch.Stop();
            steps.End();
            Console.WriteLine($"STEPS {provider}|{run}|{steps}");
            Console.WriteLine($"MEMORY {provider}|{run}|{Memory()}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT {provider}|{run}|{result.RowsLoaded}|{result.RowsReplaced}|{stopwatch.Elapsed.TotalSeconds:0.0}|{result.RowsLoaded / stopwatch.Elapsed.TotalSeconds:0}|{PeakMib()}|{Cpu().TotalSeconds:0.0}"));
        }
    }

    /// <summary>
    /// Wall and harness CPU time from the start of the load to each step's hook and between hooks: inspect+setup,
    /// parse+stage, duplicate check, id assignment+delete, insert+DQ-011, reconcile+journal+commit.
    /// </summary>
    private sealed class StepTimes
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly List<(string Name, TimeSpan Wall, TimeSpan Cpu)> marks = [("start", TimeSpan.Zero, Cpu())];

        public void Enter(LoadStep step) => marks.Add((step.ToString(), clock.Elapsed, Cpu()));

        public void End() => marks.Add(("end", clock.Elapsed, Cpu()));

        public override string ToString() => string.Join(" | ", marks.Skip(1).Select((m, i) => string.Create(CultureInfo.InvariantCulture,
            $"{marks[i].Name}→{m.Name} {(m.Wall - marks[i].Wall).TotalSeconds:0.00}s wall {(m.Cpu - marks[i].Cpu).TotalSeconds:0.00}s cpu")));
    }

    /// <summary>After a load: the .NET heap, and the process's private memory (native allocations included).</summary>
    private static string Memory()
    {
        using var process = Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture,
            $"managed heap {GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024)} MiB, private {process.PrivateMemorySize64 / (1024 * 1024)} MiB");
    }

    private static long PeakMib()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / (1024 * 1024);
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.TotalProcessorTime;
    }
}
