using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Infocentre.Reports.Definitions;

/// <summary>Reads every reports/&lt;domain&gt;/*.yaml file; unknown keys are errors, not silently ignored.</summary>
public static class ReportFileReader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static (List<ReportDefinition> Definitions, List<DefinitionError> Errors) ReadFolder(string folder)
    {
        var definitions = new List<ReportDefinition>();
        var errors = new List<DefinitionError>();
        if (!Directory.Exists(folder))
        {
            errors.Add(new DefinitionError(folder, "(folder)", "the report catalogue folder does not exist"));
            return (definitions, errors);
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            try
            {
                var definition = Yaml.Deserialize<ReportDefinition>(File.ReadAllText(path)) ?? new ReportDefinition();
                definition.File = relative;
                definitions.Add(definition);
            }
            catch (YamlException e)
            {
                var field = e.Start.Line > 0 ? $"line {e.Start.Line}, column {e.Start.Column}" : "(document)";
                errors.Add(new DefinitionError(relative, field, (e.InnerException ?? e).Message));
            }
        }

        return (definitions, errors);
    }

    /// <summary>Finds the catalogue folder: configured path, else "reports" next to the binaries or in a parent folder.</summary>
    public static string Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "reports");
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.yaml", SearchOption.AllDirectories).Any())
            {
                return candidate;
            }
        }

        return Path.GetFullPath("reports");
    }
}
