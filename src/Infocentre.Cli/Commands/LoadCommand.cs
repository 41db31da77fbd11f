using System.CommandLine;
using System.Globalization;
using Infocentre.Loading;
using Infocentre.Loading.Common;
using Infocentre.Warehouse;
using Spectre.Console;

namespace Infocentre.Cli.Commands;

/// <summary>`infocentre load &lt;file|folder&gt;`: loads Chorus extracts, each atomically, referentials first.</summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var arguments = new WarehouseArguments();
        var target = new Argument<FileSystemInfo>("path") { Description = "An extract file, or a folder whose .csv and .xlsx files are loaded (referentials first)." };
        var maxRejectionRate = new Option<double>("--max-rejection-rate")
        {
            Description = "Largest share of rejected lines (0-1) before a load is refused.",
            DefaultValueFactory = _ => new LoadOptions().MaxRejectionRate,
        };
        var fundMinisteres = new Option<string[]>("--fund-ministere")
        {
            Description = "Ministère managing a European fund of the FEHBE sheet, as FUND=CODE (FSE+=MIN18); repeat per fund.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("load", "Load Chorus extracts (INF-BUD-53, INF-CGE-03 general ledger, Data.Subvention XLSX, referentials) into the warehouse.")
        {
            target, maxRejectionRate, fundMinisteres,
        };
        arguments.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var files = Files(result.GetValue(target)!);
            if (files.Count == 0)
            {
                await Console.Error.WriteLineAsync("No extract to load.");
                return 1;
            }

            var warehouse = arguments.Read(result);
            await using (var schema = WarehouseDatabase.CreateContext(warehouse))
            {
                try
                {
                    await WarehouseDatabase.CreateSchemaAsync(schema, cancellationToken);
                }
                catch (Infocentre.Warehouse.Schema.WarehouseSchemaMismatchException e)
                {
                    await Console.Error.WriteLineAsync(e.Message);
                    return 1;
                }
            }

            var results = new List<(string File, LoadResult? Result, string? Error)>();
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    foreach (var file in await ExtractLoader.OrderForLoadingAsync(files, cancellationToken))
                    {
                        var task = context.AddTask(Markup.Escape(Path.GetFileName(file)), maxValue: 1);
                        var options = new LoadOptions
                        {
                            MaxRejectionRate = result.GetValue(maxRejectionRate),
                            Progress = new Progress<long>(lines => task.Description = Markup.Escape($"{Path.GetFileName(file)} ({lines:N0} lines)")),
                        };
                        foreach (var pair in result.GetValue(fundMinisteres) ?? [])
                        {
                            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
                            options.EuropeanFundMinisteres[parts[0]] = parts.Length == 2 ? parts[1] : string.Empty;
                        }

                        await using var db = WarehouseDatabase.CreateContext(warehouse);
                        try
                        {
                            results.Add((file, await new ExtractLoader(db, options).LoadAsync(file, null, "cli", cancellationToken), null));
                        }
                        catch (LoadFailedException e)
                        {
                            results.Add((file, e.Result, e.Message));
                        }
                        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException)
                        {
                            // Rolled back and journaled as failed by the loader; the next files still load.
                            results.Add((file, null, e.Message));
                        }

                        task.Value = 1;
                    }
                });
            Summarise(results);
            return results.All(r => r.Result?.Succeeded == true) ? 0 : 2;
        });
        return command;
    }

    private static List<string> Files(FileSystemInfo target) => target switch
    {
        DirectoryInfo folder => [.. folder.EnumerateFiles()
            .Where(f => f.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) || f.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
            .Select(f => f.FullName).Order(StringComparer.Ordinal)],
        FileInfo file when file.Exists => [file.FullName],
        _ => [],
    };

    private static void Summarise(List<(string File, LoadResult? Result, string? Error)> results)
    {
        var table = new Table().AddColumns("File", "Kind", "Status", "Read", "Loaded", "Rejected", "Replaced", "Warnings", "Seconds");
        foreach (var (file, r, _) in results)
        {
            var warnings = r?.Findings.Count(f => f.Rule.Severity == Severity.Warning) ?? 0;
            table.AddRow(
                Markup.Escape(Path.GetFileName(file)), Markup.Escape(r?.Kind ?? "?"), r?.Succeeded == true ? "[green]succeeded[/]" : $"[red]{Markup.Escape(r?.Status ?? "failed")}[/]",
                N(r?.RowsRead), N(r?.RowsLoaded), N(r?.RowsRejected), N(r?.RowsReplaced), N(warnings),
                (r?.Elapsed.TotalSeconds ?? 0).ToString("F1", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        foreach (var (file, r, error) in results.Where(x => x.Error is not null))
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{Path.GetFileName(file)}: {error}[/]");
            foreach (var f in r?.Findings.Take(10) ?? [])
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  {f.Rule.Code} line {f.Line} [[{f.Column}]] '{f.Value}': {f.Message}");
            }
        }
    }

    private static string N(long? value) => (value ?? 0).ToString("N0", CultureInfo.InvariantCulture);
}
