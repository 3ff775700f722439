using System.Net;
using System.Net.Sockets;
using Fachwerk.Host.Database;
using Fachwerk.Host.Startup;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// A start that fails ends the process with exit code 3 and one line saying why, instead of running on half started (ADR 0082).
/// The host runs as its own process, as deployed; the guard of <see cref="HostProcess"/> kills one that does not stop.
/// </summary>
public class StartFailureTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_start_on_a_port_another_process_listens_on_ends_with_one_line_naming_the_address()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (exitCode, _, error) = await HostProcess.RunUntilExitAsync(Environment(await NewDatabaseAsync("start"), address));

        exitCode.ShouldBe(ServiceRun.StartFailedExitCode);
        OneLine(error).ShouldStartWith($"Fachwerk cannot start: Failed to bind to address {address}: address already in use.");
    }

    [Fact]
    public async Task A_start_without_a_database_that_answers_ends_with_one_line_naming_the_setting()
    {
        var closed = FreePort();
        var connectionString = $"Host=127.0.0.1;Port={closed};Database=fachwerk;Username=postgres";

        var (exitCode, _, error) = await HostProcess.RunUntilExitAsync(Environment(connectionString, $"http://127.0.0.1:{FreePort()}"));

        exitCode.ShouldBe(ServiceRun.StartFailedExitCode);
        OneLine(error).ShouldStartWith("Fachwerk cannot start: the database does not answer");
        error.ShouldContain(FachwerkDatabase.ConnectionStringVariable);
    }

    private Dictionary<string, string> Environment(string connectionString, string address) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["ASPNETCORE_URLS"] = address,
        [FachwerkDatabase.ConnectionStringVariable] = connectionString,
        ["DemoWorld__Enabled"] = "false",
        ["PersonalData__KeyRingFile"] = KeyRingFile,
    };

    private static string OneLine(string error) =>
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldHaveSingleItem();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
