using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Pilots;

/// <summary>A project lead acts only for the own pilot project, whatever pilot id the request names.</summary>
public class PilotIsolationTests(AppFixture fixture) : PilotApi(fixture)
{
    private static readonly DemoUser OtherLead = DemoUsers.ProjectLead with { Id = "lena.leitung", DisplayName = "Lena (another pilot)" };

    private Guid _otherPilot;

    protected override (Guid? Organisation, Guid? Alliance, Guid? Pilot) BindingsOf(DemoUser user, string? url) =>
        user == OtherLead ? (null, null, _otherPilot) : base.BindingsOf(user, url);

    [Fact]
    public async Task A_project_lead_neither_records_in_nor_reads_the_people_of_another_pilot()
    {
        var pilot = await Launch(RunningPhase);
        _otherPilot = (await Launch(RunningPhase)).Id;
        var (participant, version) = await EnrolParticipant(pilot.Id, pilot.Version, Today.AddDays(-10));
        var before = await EventCount();

        await ProblemOf(await Post(OtherLead, $"/api/pilots/{pilot.Id}/participants",
            new EnrolParticipant(version, ParticipantKind.SkilledWorker, Today, null, Person("Ilze", "Ozola")), 403));
        await Post(OtherLead, $"/api/pilots/{pilot.Id}/participants/{participant}/services", new DeliverService(version, PilotService.HousingSearch, Today), 403);
        await Host.Scenario(s =>
        {
            Authorize(s, OtherLead);
            s.Get.Url($"/api/pilots/{pilot.Id}/participants/{participant}");
            s.StatusCodeShouldBe(403);
        });
        (await EventCount()).ShouldBe(before);

        (await Participant(pilot.Id, participant)).Id.ShouldBe(participant);
    }
}
