using System.CommandLine;
using Infocentre.Cli.Commands;

var root = new RootCommand("Infocentre: State financial reporting warehouse and report catalogue.")
{
    SeedCommand.Create(),
    ValidateCommand.Create(),
    CatalogueCommand.Create(),
    SchemaCommand.Create(),
    TokenCommand.Create(),
    ApiKeyCommand.Create(),
    LoadCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
