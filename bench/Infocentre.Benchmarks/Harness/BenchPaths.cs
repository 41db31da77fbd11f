namespace Infocentre.Benchmarks.Harness;

/// <summary>Where the repository and the built service are, seen from the benchmark's binaries.</summary>
internal static class BenchPaths
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Infocentre.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from the repository (Infocentre.sln not found above the binaries).");
    }

    /// <summary>
    /// The service's dll: <paramref name="given"/> (--api) or the first build found among <paramref name="configurations"/>;
    /// null, with the reason printed, when there is none.
    /// </summary>
    public static string? FindApi(string? given, string root, params string[] configurations)
    {
        var api = given ?? configurations
            .Select(configuration => Path.Combine(root, "src", "Infocentre.Api", "bin", configuration, "net10.0", "Infocentre.Api.dll"))
            .FirstOrDefault(File.Exists);
        if (api is null || !File.Exists(api))
        {
            Console.Error.WriteLine("Build the service first: dotnet build -c Release src/Infocentre.Api (or pass --api <Infocentre.Api.dll>).");
            return null;
        }

        return api;
    }
}
