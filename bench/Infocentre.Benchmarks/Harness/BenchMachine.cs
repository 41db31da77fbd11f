namespace Infocentre.Benchmarks.Harness;

/// <summary>What the figures were measured on: printed with every table, since the machine is shared.</summary>
internal static class BenchMachine
{
    /// <summary>One line: CPUs, CPU model, memory, OS and .NET version.</summary>
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"Machine: {Environment.ProcessorCount} logical CPUs, {cpu ?? "unknown CPU"}, {memory ?? "unknown"} RAM, "
            + $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    /// <summary>"load average 1.2 3.4 5.6" (1, 5 and 15 minutes), or "" where /proc has none.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";
}
