using System.Text.Json;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Platform;

public class HostTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task Liveness_and_readiness_answer_without_signing_in()
    {
        (await Host.Scenario(s => s.Get.Url("/health/live"))).ReadAsText().ShouldBe("Healthy");
        (await Host.Scenario(s => s.Get.Url("/health/ready"))).ReadAsText().ShouldBe("Healthy");
    }

    [Fact]
    public void The_start_up_log_says_how_the_handler_code_is_loaded()
    {
        // The tests run a normal build, which generates the code at start-up; a release with -p:UsePreGeneratedCode=true says so too.
        Logs.Entries.ShouldContain(e => e.Message == "Wolverine's handler code: generated and compiled at start-up");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_alliance_api_and_how_to_sign_in()
    {
        var result = await Host.Scenario(s => s.Get.Url("/openapi/v1.json"));

        using var document = JsonDocument.Parse(await result.ReadAsTextAsync());
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[]
                 {
                     "/api/alliances", "/api/alliances/{id}", "/api/alliances/{allianceId}/recognition",
                     "/api/alliances/{allianceId}/recognition/withdrawal", "/api/alliances/{allianceId}/members",
                     "/api/alliances/{allianceId}/members/{organisationId}/departure", "/api/alliances/{allianceId}/target-groups",
                     "/api/alliances/{allianceId}/dissolution", "/api/organisations", "/api/organisations/{id}",
                 })
        {
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        }

        document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        paths.GetProperty("/api/alliances/{allianceId}/recognition").GetProperty("post").GetProperty("responses")
            .TryGetProperty("400", out _).ShouldBeTrue("validation problems are documented");
    }

    [Fact]
    public async Task The_API_reference_is_served_and_the_root_is_the_web_UI_which_signs_in_first()
    {
        (await Host.Scenario(s => s.Get.Url("/scalar/"))).ReadAsText().ShouldContain("openapi/v1.json");
        var root = await Host.Scenario(s =>
        {
            s.Get.Url("/");
            s.StatusCodeShouldBe(302);
        });

        // The authorization-code flow with PKCE at the development provider (ADR 0050).
        var signIn = new Uri(root.Context.Response.Headers.Location.ToString());
        signIn.AbsolutePath.ShouldBe("/connect/authorize");
        signIn.Query.ShouldContain("client_id=fachwerk-web");
        signIn.Query.ShouldContain("response_type=code");
        signIn.Query.ShouldContain("code_challenge_method=S256");
    }
}
