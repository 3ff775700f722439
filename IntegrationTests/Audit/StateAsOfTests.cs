using Fachwerk.Application.Audit;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Audit;

/// <summary><see cref="Fachwerk.Application.Audit.StateAsOf"/> with its write model and read model typed, as a client reads it.</summary>
public sealed record StateAsOfView<TState, TDetails>(
    Guid StreamId, string Kind, long? RequestedVersion, DateTimeOffset? RequestedAt, long Version, DateTimeOffset VersionRecordedAt,
    long CurrentVersion, TState State, TDetails Details);

public class StateAsOfTests(AppFixture fixture) : AuditApi(fixture)
{
    private static string At(DateTimeOffset moment) => Uri.EscapeDataString(moment.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    private Task<StateAsOfView<FundingApplication, ApplicationDetails>> Application(Guid id, string query) =>
        Get<StateAsOfView<FundingApplication, ApplicationDetails>>(Auditor, $"/api/audit/streams/{id}/state{query}");

    [Fact]
    public async Task An_application_as_of_a_version_shows_its_write_model_and_detail_screen_as_they_stood_then()
    {
        var id = await Approved(amount: 28_000m);

        var atProposal = await Application(id, "?version=4");
        var now = await Application(id, "");

        atProposal.Kind.ShouldBe("application");
        atProposal.Version.ShouldBe(4);
        atProposal.CurrentVersion.ShouldBe(8, "the approval, then the decision letter");
        atProposal.State.Status.ShouldBe(ApplicationStatus.AllianceVoted);
        atProposal.State.ApprovedAmount.ShouldBeNull();
        atProposal.Details.Status.ShouldBe(ApplicationStatus.AllianceVoted);
        atProposal.Details.Version.ShouldBe(4);
        atProposal.Details.Proposals.ShouldBeEmpty();
        atProposal.Details.AllianceVote.ShouldNotBeNull();

        now.Version.ShouldBe(8);
        now.State.Status.ShouldBe(ApplicationStatus.Approved);
        now.State.ApprovedAmount.ShouldBe(28_000m);
        now.Details.ShouldBeEquivalentTo(await Details(id));
    }

    [Fact]
    public async Task A_state_as_of_links_to_the_states_one_change_earlier_and_later()
    {
        var id = await Approved();

        var first = await Get<StateAsOf>(Auditor, $"/api/audit/streams/{id}/state?version=1");
        var middle = await Get<StateAsOf>(Auditor, $"/api/audit/streams/{id}/state?version=4");
        var now = await Get<StateAsOf>(Auditor, $"/api/audit/streams/{id}/state");
        var next = await Get<StateAsOf>(Auditor, middle.Next!);

        first.Previous.ShouldBeNull();
        first.Next.ShouldBe($"/api/audit/streams/{id}/state?version=2");
        middle.Previous.ShouldBe($"/api/audit/streams/{id}/state?version=3");
        next.Version.ShouldBe(5);
        now.Previous.ShouldBe($"/api/audit/streams/{id}/state?version=7");
        now.Next.ShouldBeNull();
    }

    [Fact]
    public async Task An_application_as_of_a_moment_is_what_was_recorded_up_to_then()
    {
        var programme = await LaunchProgramme();
        var drafted = Clock.GetUtcNow();
        var id = await Draft(programme);
        Clock.Advance(TimeSpan.FromDays(1));
        await Act(Applicant, id, "submission", new SubmitApplication(1));
        Clock.Advance(TimeSpan.FromDays(1));
        await Act(Caseworker, id, "formal-completeness", new CompleteFormally(2));

        var beforeSubmission = await Application(id, $"?at={At(drafted.AddHours(12))}");
        var atSubmission = await Application(id, $"?at={At(drafted.AddDays(1))}");

        beforeSubmission.Version.ShouldBe(1);
        beforeSubmission.State.Status.ShouldBe(ApplicationStatus.Draft);
        beforeSubmission.Details.SubmittedAt.ShouldBeNull();
        atSubmission.Version.ShouldBe(2);
        atSubmission.VersionRecordedAt.ShouldBe(drafted.AddDays(1));
        atSubmission.Details.Status.ShouldBe(ApplicationStatus.Submitted);
        atSubmission.CurrentVersion.ShouldBe(3);

        var before = await ProblemOf(await GetExpecting(Auditor,
            $"/api/audit/streams/{id}/state?at={At(drafted.AddHours(-1))}", 404));
        before.Detail!.ShouldContain("did not exist yet");
    }

    [Fact]
    public async Task Any_aggregate_can_be_read_as_of_a_version()
    {
        var founded = await Get<StateAsOfView<Alliance, AllianceDetails>>(Auditor, $"/api/audit/streams/{AllianceId}/state?version=1");
        var now = await Get<StateAsOfView<Alliance, AllianceDetails>>(Auditor, $"/api/audit/streams/{AllianceId}/state?version=99");

        founded.Kind.ShouldBe("alliance");
        founded.State.Status.ShouldBe(AllianceStatus.Founded);
        founded.State.Members.ShouldBeEmpty();
        founded.Details.Members.ShouldBeEmpty();
        now.Version.ShouldBe(4);
        now.State.Status.ShouldBe(AllianceStatus.Recognized);
        now.Details.Members.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Bad_moments_answer_400_with_the_field_and_unknown_streams_404()
    {
        var versionProblem = await ValidationProblemOf(await GetExpecting(Auditor, $"/api/audit/streams/{AllianceId}/state?version=0", 400));
        versionProblem.Errors.Keys.ShouldContain("version");

        var both = await ValidationProblemOf(await GetExpecting(Auditor,
            $"/api/audit/streams/{AllianceId}/state?version=1&at=2026-03-02T09:00:00Z", 400));
        both.Errors.Keys.ShouldContain("at");

        await GetExpecting(Auditor, $"/api/audit/streams/{AllianceId}/state?at=yesterday", 400);
        await GetExpecting(Auditor, $"/api/audit/streams/{Guid.NewGuid()}/state", 404);
        await GetExpecting(Reviewer, $"/api/audit/streams/{AllianceId}/state", 403);
    }
}
