using System.Globalization;
using Infocentre.Warehouse;

namespace Infocentre.Benchmarks.Harness;

/// <summary>
/// The options shared by the modes that measure the service over the demo warehouse: --provider, --runs, --api and
/// --sqlite-file. A mode derives from it and reads its own options in <see cref="TryReadOwn"/>.
/// </summary>
internal abstract class DemoBenchOptions(List<WarehouseProvider> providers, int runs)
{
    public List<WarehouseProvider> Providers { get; private set; } = providers;

    public int Runs { get; private set; } = runs;

    public string? Api { get; private set; }

    public string? SqliteFile { get; private set; }

    /// <summary>Reads every argument; false, with the unknown one and <paramref name="usage"/> printed, when one is not an option.</summary>
    protected bool ReadAll(string[] args, string usage)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!TryReadShared(args, ref i) && !TryReadOwn(args, ref i))
            {
                Console.Error.WriteLine($"Unknown option '{args[i]}'. Options: {usage}");
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads the mode's own option at <c>args[i]</c>, moving <paramref name="i"/> past its value; false when it is not one.</summary>
    protected abstract bool TryReadOwn(string[] args, ref int i);

    private bool TryReadShared(string[] args, ref int i)
    {
        switch (args[i])
        {
            case "--provider" when i + 1 < args.Length:
                Providers = args[++i].ToUpperInvariant() switch
                {
                    "SQLITE" => [WarehouseProvider.Sqlite],
                    "POSTGRESQL" => [WarehouseProvider.PostgreSql],
                    _ => [WarehouseProvider.Sqlite, WarehouseProvider.PostgreSql],
                };
                return true;
            case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var count) && count >= 1:
                Runs = count;
                i++;
                return true;
            case "--api" when i + 1 < args.Length:
                Api = Path.GetFullPath(args[++i]);
                return true;
            case "--sqlite-file" when i + 1 < args.Length:
                SqliteFile = Path.GetFullPath(args[++i]);
                return true;
            default:
                return false;
        }
    }
}
