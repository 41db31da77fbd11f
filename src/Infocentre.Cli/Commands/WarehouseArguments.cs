using System.CommandLine;
using Infocentre.Warehouse;

namespace Infocentre.Cli.Commands;

/// <summary>The --provider and --connection options every warehouse verb shares.</summary>
internal sealed class WarehouseArguments
{
    public Option<WarehouseProvider> Provider { get; } = new("--provider")
    {
        Description = "Warehouse engine: Sqlite (embedded default), PostgreSql or SqlServer.",
        DefaultValueFactory = _ => WarehouseProvider.Sqlite,
    };

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "Connection string (default for Sqlite: data/infocentre.db under the current folder).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
    }

    public WarehouseOptions Read(ParseResult result) => new()
    {
        Provider = result.GetValue(Provider),
        ConnectionString = result.GetValue(Connection),
    };
}
