using Fachwerk.Host.Database;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// A provider whose keys would be fetched over plain HTTP stops the host at start with one line naming the setting (ADR 0057);
/// it used to start and answer every request, health included, with 500.
/// </summary>
public class InsecureAuthorityTests
{
    [Fact]
    public async Task An_http_authority_without_switching_off_https_metadata_stops_the_host_at_start_with_one_line()
    {
        var (exitCode, output, error) = await HostProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Authentication__Authority"] = "http://idp.example.org/realms/fachwerk",
            [FachwerkDatabase.ConnectionStringVariable] = "Host=127.0.0.1;Port=1;Database=none",
        });

        exitCode.ShouldBe(2);
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldHaveSingleItem()
            .ShouldBe("Fachwerk cannot start: Authentication:Authority (http://idp.example.org/realms/fachwerk) is not an https:// address. " +
                      "Use the provider's https address; only for a provider on a trusted network set Authentication:RequireHttpsMetadata=false.");
        output.ShouldNotContain("Exception");
    }
}
