namespace Fachwerk.Benchmarks.Hosting;

/// <summary>Where the solution lives (the folder with Fachwerk.slnx), found upwards from the harness's own binaries.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Fachwerk.slnx"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No Fachwerk.slnx above {AppContext.BaseDirectory}; run the harness from the repository.");
    }
}
