using System.CommandLine;

namespace Infocentre.Cli.Commands;

internal static class SeedCommand
{
    public static Command Create() => new("seed", "Fill an empty warehouse with the deterministic demo data set.");
}
