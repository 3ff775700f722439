namespace Fachwerk.IntegrationTests.Infrastructure;

/// <summary>The repository's folder (the one holding Fachwerk.slnx), found from the test binaries, for tests that read its files.</summary>
internal static class Repository
{
    public static readonly string Root = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Fachwerk.slnx"))) return directory.FullName;
        }

        throw new InvalidOperationException("Fachwerk.slnx not found above " + AppContext.BaseDirectory);
    }
}
