using System.Diagnostics;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>compose.yaml is checked by docker-compose itself; .ci/run installs the tool, a developer machine may lack it.</summary>
public class ComposeFileTests
{
    [Fact]
    public async Task The_compose_file_is_valid_and_runs_the_database_and_the_host()
    {
        var tool = FindOnPath("docker-compose");
        Assert.SkipWhen(tool is null, "docker-compose is not installed (apt-get install docker-compose); .ci/run installs it.");

        var start = new ProcessStartInfo(tool!, ["-f", Path.Combine(Repository.Root, "compose.yaml"), "config"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        process.ExitCode.ShouldBe(0, errors);
        output.ShouldContain("db:");
        output.ShouldContain("host:");
        output.ShouldContain("dockerfile: Host/Dockerfile");
        output.ShouldContain("ConnectionStrings__Fachwerk");
        File.Exists(Path.Combine(Repository.Root, "Host", "Dockerfile")).ShouldBeTrue();
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(directory => Path.Combine(directory, tool))
        .FirstOrDefault(File.Exists);
}
