using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Organisations;
using Fachwerk.Host.Authentication;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Platform;

public class AuthenticationTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly RegisterOrganisation Register = new("Jobcenter Hildesheim", OrganisationKind.JobCentre, "Hildesheim");

    [Fact]
    public async Task A_request_without_a_user_answers_401_with_problem_details_and_appends_nothing()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(Register).ToUrl("/api/organisations");
            s.StatusCodeShouldBe(401);
        });

        (await ProblemOf(result)).Status.ShouldBe(401);
        result.Context.Response.Headers.WWWAuthenticate.ToString().ShouldContain(DevelopmentAuthenticationHandler.HeaderName);
        (await EventCount()).ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_demo_user_answers_401()
    {
        await Host.Scenario(s =>
        {
            s.WithRequestHeader(DevelopmentAuthenticationHandler.HeaderName, "mallory");
            s.Get.Url("/api/alliances");
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task An_auditor_reads_but_cannot_change_the_registry()
    {
        await Get<Fachwerk.Application.Common.Page<OrganisationDetails>>(DemoUsers.Auditor, "/api/organisations");

        var problem = await ProblemOf(await Post(DemoUsers.Auditor, "/api/organisations", Register, 403));

        problem.Status.ShouldBe(403);
        (await EventCount()).ShouldBe(0);
    }
}
