namespace Fachwerk.Benchmarks.Hosting;

/// <summary>
/// Builds the host the way it is released: Wolverine's handler code generated first (`codegen write`, into
/// Application/Internal/Generated, so it is never stale), then a Release publish with that code compiled in
/// (-p:UsePreGeneratedCode=true, loaded statically), ahead-of-time compiled to native code (ReadyToRun) unless told otherwise.
/// The publish goes to its own artifacts folder so it never mixes with the developers' Debug and Release builds.
/// </summary>
public static class HostBuild
{
    public static string ArtifactsFolder => Repository.PathOf("artifacts", "benchmarks", "build");

    public static async Task<string> PublishAsync(string connectionString, bool readyToRun, Action<string> log, CancellationToken cancellation)
    {
        var generated = Repository.PathOf("Application", "Internal", "Generated");
        if (Directory.Exists(generated)) Directory.Delete(generated, recursive: true);

        // The host of the harness's own build (same configuration) writes the code; its content root decides where.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var hostDll = Repository.PathOf("Host", "bin", configuration, "net10.0", "Fachwerk.Host.dll");
        if (!File.Exists(hostDll))
        {
            log($"building Host ({configuration}) for code generation");
            await Dotnet(["build", Repository.PathOf("Host", "Host.csproj"), "-c", configuration, "-nologo"], TimeSpan.FromMinutes(10), cancellation);
        }

        log("generating Wolverine's handler code (codegen write)");
        await Processes.RunAsync("dotnet", [hostDll, "codegen", "write"], Repository.PathOf("Application"),
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Fachwerk"] = connectionString,
                ["DemoWorld__Enabled"] = "false",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            }, TimeSpan.FromMinutes(5), cancellation);
        if (!Directory.Exists(generated) || Directory.GetFiles(generated, "*.cs", SearchOption.AllDirectories).Length == 0)
            throw new InvalidOperationException($"codegen write wrote nothing to {generated}.");

        log($"publishing the host in Release with the generated code{(readyToRun ? " and ReadyToRun" : "")}");
        List<string> publish =
        [
            "publish", Repository.PathOf("Host", "Host.csproj"), "-c", "Release", "-nologo", "-p:UsePreGeneratedCode=true",
            "--artifacts-path", ArtifactsFolder,
            // The analysers ran in the developers' build; over the generated code they only cost time (a fifth of the publish).
            "-p:RunAnalyzers=false",
            // One warm compiler for the three projects instead of a cold one each: about half the publish. Shut down below.
            "-p:UseSharedCompilation=true",
        ];
        if (readyToRun) publish.AddRange(["-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true"]);
        try
        {
            await Dotnet(publish, TimeSpan.FromMinutes(15), cancellation);
        }
        finally
        {
            // The compiler server would otherwise stay for minutes, holding memory the measurements share.
            await Dotnet(["build-server", "shutdown", "--vbcscompiler"], TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        return LastPublish(readyToRun);
    }

    /// <summary>The folder of the last publish (ReadyToRun or not).</summary>
    public static string LastPublish(bool readyToRun)
    {
        var output = Path.Combine(ArtifactsFolder, "publish", "Host", readyToRun ? "release_linux-x64" : "release");
        if (!File.Exists(Path.Combine(output, "Fachwerk.Host.dll")))
            throw new InvalidOperationException($"The publish left no Fachwerk.Host.dll in {output}.");
        return output;
    }

    private static Task<string> Dotnet(IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellation) =>
        Processes.RunAsync("dotnet", arguments, Repository.Root, null, timeout, cancellation);
}
