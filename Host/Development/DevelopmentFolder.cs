namespace Fachwerk.Host.Development;

/// <summary>The folder of a development machine's local state: <c>.fachwerk</c> beside the solution file, so every checkout has its own.</summary>
public static class DevelopmentFolder
{
    public static string Of(string contentRoot)
    {
        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Fachwerk.slnx")))
                return Path.Combine(directory.FullName, ".fachwerk");
        }

        return Path.Combine(contentRoot, ".fachwerk");
    }
}
