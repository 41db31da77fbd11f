using YamlDotNet.RepresentationModel;

namespace Infocentre.Api.Tests.Catalogue;

/// <summary>
/// What a definition file declares, read with a plain YAML parser rather than through the engine under test:
/// the columns a report must return and their formats.
/// </summary>
internal sealed record DefinitionFile(string Code, string EntitySet, string Domain, IReadOnlyList<(string Name, string? Format)> Dimensions, IReadOnlyList<(string Name, string? Format)> Measures)
{
    public static IReadOnlyList<DefinitionFile> All { get; } = Directory
        .EnumerateFiles(Reports.Support.RepositoryPaths.Reports, "*.yaml", SearchOption.AllDirectories)
        .Select(Read)
        .OrderBy(d => d.Code, StringComparer.Ordinal)
        .ToList();

    public static DefinitionFile Get(string code) => All.Single(d => d.Code == code);

    /// <summary>The columns of a row, in order: the dimensions (or the constant key "Ligne"), then the measures.</summary>
    public IEnumerable<string> Columns => (Dimensions.Count == 0 ? ["Ligne"] : Dimensions.Select(d => d.Name)).Concat(Measures.Select(m => m.Name));

    private static DefinitionFile Read(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return new DefinitionFile(
            Scalar(root, "code")!,
            Scalar(root, "entitySet")!,
            Scalar(root, "domain")!,
            Sequence(root, "dimensions").Select(d => (Scalar(d, "name")!, Scalar(d, "format"))).ToList(),
            Sequence(root, "measures").Select(m => (Scalar(m, "name")!, Scalar(m, "format"))).ToList());
    }

    private static IEnumerable<YamlMappingNode> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode items
            ? items.Children.Cast<YamlMappingNode>()
            : [];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
