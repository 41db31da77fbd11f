using Infocentre.Benchmarks;

// Whole-process harnesses, one mode per first argument. Keep this file a dispatcher: each mode lives in its own class.
var modes = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["seed"] = SeedBenchmark.RunAsync,
    ["reports"] = ReportBenchmark.RunAsync,
    ["exports"] = ExportBenchmark.RunAsync,
    ["catalogue"] = CatalogueBenchmark.RunAsync,
};

if (args.Length == 0 || !modes.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine("Usage: Infocentre.Benchmarks <mode> [options]");
    Console.Error.WriteLine("Modes: " + string.Join(", ", modes.Keys));
    Console.Error.WriteLine("  seed [--size tiny|demo|large] [--provider sqlite|postgresql|generate|all] [--database file.db]");
    Console.Error.WriteLine("       [--rows-per-statement n] [--keep-indexes] [--defer-foreign-keys] [--cache-mib n]");
    Console.Error.WriteLine("  catalogue " + CatalogueBenchmark.Usage);
    return 2;
}

return await run(args[1..]);
