using Fachwerk.Host.Database;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Database;

/// <summary>The local cluster is a Development convenience; everywhere else the database has to be configured.</summary>
public class MissingConnectionStringTests
{
    [Fact]
    public async Task Outside_Development_the_host_without_a_connection_string_stops_with_one_line_naming_the_setting()
    {
        var (exitCode, output, error) = await HostProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            [FachwerkDatabase.ConnectionStringVariable] = "",
        });

        exitCode.ShouldBe(2);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldHaveSingleItem().ShouldStartWith("Fachwerk cannot start: No database is configured. Set ConnectionStrings__Fachwerk");
        output.ShouldNotContain("Exception");
    }
}
