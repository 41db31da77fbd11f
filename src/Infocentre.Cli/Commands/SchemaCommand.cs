using System.CommandLine;
using Infocentre.Warehouse;

namespace Infocentre.Cli.Commands;

/// <summary>`infocentre schema`: creates the warehouse schema, or prints its DDL script for the chosen engine.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var arguments = new WarehouseArguments();
        var script = new Option<bool>("--script") { Description = "Print the DDL (tables, indexes, views) instead of applying it." };
        var command = new Command("schema", "Create the warehouse schema (tables, indexes, reporting views).") { script };
        arguments.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = arguments.Read(result);
            if (result.GetValue(script))
            {
                // Generating DDL needs no server: a placeholder connection string is enough.
                options.ConnectionString ??= options.Provider == WarehouseProvider.Sqlite ? "Data Source=:memory:" : "Server=unused";
                await using var offline = WarehouseDatabase.CreateContext(options);
                Console.WriteLine(WarehouseDatabase.CreateScript(offline));
                return 0;
            }

            await using var db = WarehouseDatabase.CreateContext(options);
            var created = await WarehouseDatabase.CreateSchemaAsync(db, cancellationToken);
            Console.WriteLine(created ? "Warehouse schema created." : "The warehouse already has a schema: nothing changed.");
            return 0;
        });
        return command;
    }
}
