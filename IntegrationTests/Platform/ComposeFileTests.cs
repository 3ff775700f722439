using System.Diagnostics;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>compose.yaml is checked by docker-compose itself; .ci/run installs the tool, a developer machine may lack it.</summary>
public class ComposeFileTests
{
    [Fact]
    public async Task The_compose_file_is_valid_and_runs_the_database_two_host_nodes_and_a_proxy()
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
        output.ShouldContain("dockerfile: Host/Dockerfile");
        // Two nodes on one database, each named, sharing the keys a user's next request needs on the other node (ADR 0125).
        foreach (var node in new[] { "host-a", "host-b" })
        {
            output.ShouldContain($"  {node}:");
            output.ShouldContain($"Cluster__NodeName: {node}");
        }

        output.Split("ConnectionStrings__Fachwerk: Host=db;").Length.ShouldBe(3, "both nodes use the one database");
        output.Split("Cluster__KeyFolder: /var/lib/fachwerk/keys/cluster").Length.ShouldBe(3, "both nodes share the key folder");
        output.ShouldContain("client_connection_check_interval=1s");
        // The proxy is the only way in, and its configuration sends to both nodes.
        output.ShouldContain("  proxy:");
        output.ShouldContain("published: 5080");
        var proxy = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "deploy", "nginx.conf"), TestContext.Current.CancellationToken);
        proxy.ShouldContain("server host-a:8080");
        proxy.ShouldContain("server host-b:8080");
        File.Exists(Path.Combine(Repository.Root, "Host", "Dockerfile")).ShouldBeTrue();
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(directory => Path.Combine(directory, tool))
        .FirstOrDefault(File.Exists);
}
