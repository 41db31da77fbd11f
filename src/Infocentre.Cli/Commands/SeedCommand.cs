using System.CommandLine;
using Infocentre.Warehouse;
using Infocentre.Warehouse.DemoData;
using Spectre.Console;

namespace Infocentre.Cli.Commands;

/// <summary>`infocentre seed --size tiny|demo|large`: creates the schema and loads the deterministic demo data.</summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var arguments = new WarehouseArguments();
        var size = new Option<DemoSize>("--size") { Description = "tiny (hundreds of rows), demo (over 1 million) or large (over 10 million).", DefaultValueFactory = _ => DemoSize.Demo };
        var command = new Command("seed", "Fill an empty warehouse with the deterministic demo data set.") { size };
        arguments.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = arguments.Read(result);
            await using var db = WarehouseDatabase.CreateContext(options);
            try
            {
                SeedSummary? summary = null;
                await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask($"Seeding {result.GetValue(size)} ({options.Provider})");
                        var progress = new Progress<SeedProgress>(p =>
                        {
                            task.Description = $"{p.Table} ({p.TotalRows:N0} rows)";
                            task.Value = 100.0 * (p.TableNumber - 1) / p.TableCount;
                        });
                        summary = await DemoSeeder.SeedAsync(db, result.GetValue(size), progress, cancellationToken);
                        task.Value = 100;
                    });
                AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture,
                    $"[green]Loaded {summary!.TotalRows:N0} rows ({summary.FactRows:N0} fact rows) in {summary.Elapsed.TotalSeconds:F1} s ({summary.RowsPerSecond:N0} rows/s).[/]");
                return 0;
            }
            catch (Exception e) when (e is InvalidOperationException or Infocentre.Warehouse.Schema.WarehouseSchemaMismatchException)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
        });
        return command;
    }
}
