using System.CommandLine;
using Infocentre.Reports;
using Infocentre.Reports.Definitions;
using Infocentre.Warehouse;

namespace Infocentre.Cli.Commands;

/// <summary>`infocentre validate [folder]`: checks every report definition and compiles each one to SQL.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var folder = new Argument<string?>("folder") { Description = "Report catalogue folder (default: reports).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("validate", "Validate the report definitions and compile each one to SQL.") { folder };
        command.SetAction(result =>
        {
            var path = ReportFileReader.Locate(result.GetValue(folder));
            // Translation to SQL needs a provider, not a database: an in-memory SQLite context is enough.
            using var db = WarehouseDatabase.CreateContext(new WarehouseOptions { ConnectionString = "Data Source=:memory:" });
            try
            {
                var catalogue = ReportCatalogue.Load(path, db.Model);
                var errors = catalogue.SelfTest(db);
                foreach (var error in errors)
                {
                    Console.Error.WriteLine(error);
                }

                if (errors.Count > 0)
                {
                    return 1;
                }

                Console.WriteLine($"{catalogue.Reports.Count} report definitions in {path} are valid.");
                return 0;
            }
            catch (ReportDefinitionException e)
            {
                foreach (var error in e.Errors)
                {
                    Console.Error.WriteLine(error);
                }

                Console.Error.WriteLine($"{e.Errors.Count} error(s) in {path}.");
                return 1;
            }
        });
        return command;
    }
}
