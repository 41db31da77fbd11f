namespace Infocentre.Reports.Tests;

/// <summary>Where the repository and the built CLI are, from the test assembly's own location.</summary>
internal static class TestPaths
{
    /// <summary>The folder holding Infocentre.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration the tests were built with (tests/X/bin/&lt;Configuration&gt;/net10.0/).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string Reports => Path.Combine(Root, "reports");

    public static string CliDll => Path.Combine(Root, "src", "Infocentre.Cli", "bin", Configuration, "net10.0", "infocentre.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Infocentre.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Infocentre.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary catalogue folder, deleted on dispose.</summary>
internal sealed class TempCatalogue : IDisposable
{
    public TempCatalogue(params (string RelativePath, string Yaml)[] files)
    {
        Folder = Path.Combine(Path.GetTempPath(), "infocentre-catalogue-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        foreach (var (path, yaml) in files)
        {
            Add(path, yaml);
        }
    }

    public string Folder { get; }

    public void Add(string relativePath, string yaml)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }
}
