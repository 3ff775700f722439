using System.Text.Json;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Audit;

public class TimelineTests(AppFixture fixture) : AuditApi(fixture)
{
    [Fact]
    public async Task The_timeline_of_an_application_shows_every_event_with_time_actor_reason_command_correlation_and_causation()
    {
        var programme = await LaunchProgramme();
        var drafted = Clock.GetUtcNow();
        var id = await Draft(programme);
        Clock.Advance(TimeSpan.FromHours(1));
        await Act(Applicant, id, "submission", new SubmitApplication(1));
        Clock.Advance(TimeSpan.FromHours(1));
        await Post(Caseworker, $"/api/applications/{id}/formal-completeness", new CompleteFormally(2, "Alle Unterlagen liegen vor"), configure: s =>
        {
            s.WithRequestHeader(CommandMetadata.CorrelationIdHeader, "a7e-2026-0815");
            s.WithRequestHeader(CommandMetadata.CausationIdHeader, "9f0e-0017");
        });

        var timeline = await Get<StreamTimeline>(Auditor, $"/api/audit/streams/{id}/timeline");

        timeline.Kind.ShouldBe("application");
        timeline.KindLabel.De.ShouldBe("Förderantrag");
        timeline.Version.ShouldBe(3);
        timeline.Entries.Select(e => e.Version).ShouldBe([1L, 2L, 3L]);
        timeline.Entries.Select(e => e.Label.En).ShouldBe(["Application drafted", "Application submitted", "Application formally complete"]);
        timeline.Entries.Select(e => e.Label.De).ShouldBe(["Förderantrag angelegt", "Förderantrag eingereicht", "Antrag formal vollständig"]);
        timeline.Entries.Select(e => e.Timestamp).ShouldBe([drafted, drafted.AddHours(1), drafted.AddHours(2)]);
        timeline.Entries.Select(e => e.UserId).ShouldBe([Applicant.Id, Applicant.Id, Caseworker.Id]);
        timeline.Entries.Select(e => e.RecordedBy).ShouldBe([Applicant.Id, Applicant.Id, Caseworker.Id]);
        timeline.Entries.Select(e => e.Command).ShouldBe([nameof(DraftApplication), nameof(SubmitApplication), nameof(CompleteFormally)]);
        timeline.Entries.Select(e => e.EventType).ShouldBe(["application_drafted", "application_submitted", "application_formally_completed"]);

        var completed = timeline.Entries[2];
        completed.Reason.ShouldBe("Alle Unterlagen liegen vor");
        completed.CorrelationId.ShouldBe("a7e-2026-0815");
        completed.CausationId.ShouldBe("9f0e-0017");
        completed.RecordedAt.ShouldBe(drafted.AddHours(2));
        ((JsonElement)completed.Data).GetProperty("decisionDueBy").GetDateTimeOffset().ShouldBe(drafted.AddHours(2).AddDays(30));
        timeline.Entries[0].CausationId.ShouldNotBeNullOrEmpty("without a header, the request id is the cause");
        timeline.Entries.Select(e => e.Sequence).ShouldBeInOrder();
    }

    [Fact]
    public async Task Events_of_the_budget_workflow_name_the_system_as_recorder_and_the_approver_as_the_user_behind_them()
    {
        var id = await Approved();

        var timeline = await Get<StreamTimeline>(Auditor, $"/api/audit/streams/{id}/timeline");

        var approved = timeline.Entries[^1];
        approved.Label.En.ShouldBe("Application approved");
        approved.RecordedBy.ShouldBe(BudgetCommitment.Actor);
        approved.UserId.ShouldBe(Approver.Id);
        approved.CorrelationId.ShouldBe(timeline.Entries[^2].CorrelationId, "the confirmation caused the commitment");
    }

    [Fact]
    public async Task Programmes_alliances_and_organisations_have_timelines_too()
    {
        var programme = await LaunchProgramme();

        var programmeTimeline = await Get<StreamTimeline>(Auditor, $"/api/audit/streams/{programme}/timeline");
        var alliance = await Get<StreamTimeline>(Administrator, $"/api/audit/streams/{AllianceId}/timeline");
        var organisation = await Get<StreamTimeline>(Auditor, $"/api/audit/streams/{ApplicantId}/timeline");

        programmeTimeline.Kind.ShouldBe("programme");
        programmeTimeline.Entries.ShouldHaveSingleItem().Label.De.ShouldBe("Förderprogramm aufgelegt");
        alliance.Kind.ShouldBe("alliance");
        alliance.Entries.Select(e => e.Label.En).ShouldBe(["Alliance founded", "Alliance recognized", "Member joined", "Member joined"]);
        organisation.Kind.ShouldBe("organisation");
        organisation.Entries.ShouldHaveSingleItem().Label.En.ShouldBe("Organisation registered");
    }

    [Fact]
    public async Task An_unknown_stream_answers_404_and_people_other_than_auditors_and_administrators_403()
    {
        var problem = await ProblemOf(await GetExpecting(Auditor, $"/api/audit/streams/{Guid.NewGuid()}/timeline", 404));
        problem.Type.ShouldBe("urn:fachwerk:problem:not-found");

        await GetExpecting(Caseworker, $"/api/audit/streams/{AllianceId}/timeline", 403);
        await GetExpecting(Applicant, $"/api/audit/streams/{AllianceId}/timeline", 403);
        await GetExpecting(Auditor, "/api/audit/streams/not-a-guid/timeline", 404);
    }
}
