using System.Diagnostics;
using Fachwerk.Host.Database;

namespace Fachwerk.IntegrationTests.Database;

/// <summary>The local cluster is a Development convenience; everywhere else the database has to be configured.</summary>
public class MissingConnectionStringTests
{
    [Fact]
    public async Task Outside_Development_the_host_without_a_connection_string_stops_with_one_line_naming_the_setting()
    {
        // The host as it is deployed: its own process, started from the build beside the tests.
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Fachwerk.Host.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment[FachwerkDatabase.ConnectionStringVariable] = "";
        using var host = Process.Start(start)!;
        var output = host.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = host.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

        // A guard against a host that does not stop (it would listen until killed), not a measurement.
        using (var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            guard.CancelAfter(TimeSpan.FromMinutes(2));
            try
            {
                await host.WaitForExitAsync(guard.Token);
            }
            finally
            {
                if (!host.HasExited) host.Kill(entireProcessTree: true);
            }
        }

        host.ExitCode.ShouldBe(2);
        var lines = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldHaveSingleItem().ShouldStartWith("Fachwerk cannot start: No database is configured. Set ConnectionStrings__Fachwerk");
        (await output).ShouldNotContain("Exception");
    }
}
