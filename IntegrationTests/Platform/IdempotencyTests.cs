using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>Creating commands take an Idempotency-Key: a retry with the same key creates nothing and answers as the first time.</summary>
public class IdempotencyTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly FoundAlliance Seenplatte = new("Fachkräftenetzwerk Mecklenburgische Seenplatte", FederalState.MecklenburgVorpommern,
        ["Mecklenburgische Seenplatte"], "Wirtschaftsförderung Mecklenburgische Seenplatte GmbH", new DateOnly(2018, 12, 20));

    private Task<Alba.IScenarioResult> Found(DemoUser user, string key) =>
        Post(user, "/api/alliances", Seenplatte, 201, s => s.WithRequestHeader("Idempotency-Key", key));

    [Fact]
    public async Task A_retried_founding_with_the_same_key_creates_one_alliance_and_answers_the_same()
    {
        var key = Guid.NewGuid().ToString();

        var first = await Found(DemoUsers.Caseworker, key);
        var retry = await Found(DemoUsers.Caseworker, key);

        var created = await Read<StreamCreated>(first);
        (await Read<StreamCreated>(retry)).ShouldBe(created);
        retry.Context.Response.Headers.Location.ToString().ShouldBe(created.Url);
        (await Get<Page<AllianceSummary>>(DemoUsers.Caseworker, "/api/alliances")).TotalItems.ShouldBe(1);
        (await EventCount()).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_from_another_user_is_another_request()
    {
        var key = Guid.NewGuid().ToString();

        var first = await Read<StreamCreated>(await Found(DemoUsers.Caseworker, key));
        var second = await Read<StreamCreated>(await Found(DemoUsers.SecondCaseworker, key));

        second.Id.ShouldNotBe(first.Id);
        (await EventCount()).ShouldBe(2);
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_refused_and_creates_nothing()
    {
        var key = Guid.NewGuid().ToString();
        await Found(DemoUsers.Caseworker, key);

        var other = Seenplatte with { Name = "Fachkräftebündnis Südwestfalen" };
        var problem = await ProblemOf(await Post(DemoUsers.Caseworker, "/api/alliances", other, 422, s => s.WithRequestHeader("Idempotency-Key", key)));

        problem.Type.ShouldBe("urn:fachwerk:problem:idempotency-key-reused");
        (await EventCount()).ShouldBe(1);
    }

    [Fact]
    public async Task Without_a_key_every_post_creates()
    {
        var register = new RegisterOrganisation("Leea GmbH", OrganisationKind.Company, "Neubrandenburg");
        await Post(DemoUsers.Caseworker, "/api/organisations", register, 201);
        await Post(DemoUsers.Caseworker, "/api/organisations", register, 201);

        (await EventCount()).ShouldBe(2);
    }
}
