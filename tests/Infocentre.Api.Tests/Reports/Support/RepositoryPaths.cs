namespace Infocentre.Api.Tests.Reports.Support;

/// <summary>Where the repository and the built binaries are, from the test assembly's own location.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding Infocentre.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration the tests were built with (tests/X/bin/&lt;Configuration&gt;/net10.0/).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string Reports => Path.Combine(Root, "reports");

    public static string ApiDll => Path.Combine(Root, "src", "Infocentre.Api", "bin", Configuration, "net10.0", "Infocentre.Api.dll");

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

    /// <summary>A new temporary folder holding a copy of reports/ (for catalogues with extra or broken definitions).</summary>
    public static string CopyOfReports(bool deleteOnExit = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "infocentre-reports-" + Guid.NewGuid().ToString("N"));
        if (deleteOnExit)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Left to the OS's temp cleaning.
                }
            };
        }

        foreach (var file in Directory.EnumerateFiles(Reports, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Reports, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }
}
