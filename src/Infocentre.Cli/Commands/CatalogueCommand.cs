using System.CommandLine;
using Infocentre.Reports.Definitions;
using Infocentre.Reports.Documentation;

namespace Infocentre.Cli.Commands;

/// <summary>`infocentre catalogue [--output file] [--check]`: writes (or checks) docs/catalogue.md from the definitions.</summary>
internal static class CatalogueCommand
{
    public static Command Create()
    {
        var folder = new Option<string?>("--reports") { Description = "Report catalogue folder (default: reports)." };
        var output = new Option<string>("--output") { Description = "Markdown file to write.", DefaultValueFactory = _ => Path.Combine("docs", "catalogue.md") };
        var check = new Option<bool>("--check") { Description = "Do not write: exit 1 if the file is not what the definitions give." };
        var command = new Command("catalogue", "Generate the catalogue documentation (docs/catalogue.md) from the report definitions.") { folder, output, check };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = ReportFileReader.Locate(result.GetValue(folder));
            var (definitions, errors) = ReportFileReader.ReadFolder(path);
            errors.AddRange(ReportValidator.Validate(definitions));
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    await Console.Error.WriteLineAsync(error.ToString());
                }

                return 1;
            }

            var markdown = CatalogueDocument.Render(definitions);
            var file = result.GetValue(output)!;
            if (result.GetValue(check))
            {
                var current = File.Exists(file) ? await File.ReadAllTextAsync(file, cancellationToken) : null;
                if (current != markdown)
                {
                    await Console.Error.WriteLineAsync($"{file} is out of date: run `infocentre catalogue`.");
                    return 1;
                }

                Console.WriteLine($"{file} is up to date ({definitions.Count} reports).");
                return 0;
            }

            await File.WriteAllTextAsync(file, markdown, cancellationToken);
            Console.WriteLine($"{file}: {definitions.Count} reports.");
            return 0;
        });
        return command;
    }
}
