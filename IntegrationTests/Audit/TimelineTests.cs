using System.Text.Json;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Application.Letters;
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

        var approved = timeline.Entries[^2];
        approved.Label.En.ShouldBe("Application approved");
        approved.RecordedBy.ShouldBe(BudgetCommitment.Actor);
        approved.UserId.ShouldBe(Approver.Id);
        approved.CorrelationId.ShouldBe(timeline.Entries[^3].CorrelationId, "the confirmation caused the commitment");
        var letter = timeline.Entries[^1];
        letter.Label.En.ShouldBe("Document attached");
        (letter.RecordedBy, letter.UserId).ShouldBe((IssueDecisionLetterHandler.Actor, Approver.Id));
        letter.CorrelationId.ShouldBe(approved.CorrelationId, "the approval sent for the decision letter");
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
    public async Task A_long_timeline_is_answered_a_page_at_a_time_with_a_link_to_the_next_and_filtered_by_kind_and_person()
    {
        var id = await Approved();

        var first = await Get<StreamTimelinePage>(Auditor, $"/api/audit/streams/{id}/timeline?pageSize=3");
        var second = await Get<StreamTimelinePage>(Auditor, first.Next!);
        var last = await Get<StreamTimelinePage>(Auditor, second.Next!);
        var whole = await Get<StreamTimelinePage>(Auditor, $"/api/audit/streams/{id}/timeline");

        whole.PageSize.ShouldBe(TimelineQuery.DefaultPageSize);
        whole.Entries.Select(e => e.Version).ShouldBe([1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L], "the eighth is the decision letter");
        whole.Next.ShouldBeNull();
        whole.Previous.ShouldBeNull();
        first.Entries.Select(e => e.Version).ShouldBe([1L, 2L, 3L]);
        (first.TotalEntries, first.PageCount, first.PageNumber).ShouldBe((8L, 3L, 1L));
        first.Next.ShouldBe($"/api/audit/streams/{id}/timeline?page=2&pageSize=3");
        second.Entries.Select(e => e.Version).ShouldBe([4L, 5L, 6L]);
        second.Previous.ShouldBe($"/api/audit/streams/{id}/timeline?page=1&pageSize=3");
        last.Entries.Select(e => e.Version).ShouldBe([7L, 8L]);
        last.Next.ShouldBeNull();

        whole.People.ShouldBe(new[] { Applicant.Id, Caseworker.Id, Reviewer.Id, Approver.Id }.Order(StringComparer.Ordinal));
        whole.EventKinds.Select(k => k.EventType).ShouldBe(whole.Entries.Select(e => e.EventType));
        whole.EventKinds[0].Label.De.ShouldBe("Förderantrag angelegt");
        whole.EventKinds.Sum(k => k.Count).ShouldBe(8);

        var byCaseworker = await Get<StreamTimelinePage>(Auditor, $"/api/audit/streams/{id}/timeline?person={Caseworker.Id}&pageSize=1");
        byCaseworker.Entries.ShouldHaveSingleItem().UserId.ShouldBe(Caseworker.Id);
        byCaseworker.TotalEntries.ShouldBe(whole.Entries.Count(e => e.UserId == Caseworker.Id));
        byCaseworker.Next.ShouldBe($"/api/audit/streams/{id}/timeline?page=2&pageSize=1&person={Caseworker.Id}");
        var submissions = await Get<StreamTimelinePage>(Auditor, $"/api/audit/streams/{id}/timeline?kind=application_submitted");
        submissions.Entries.ShouldHaveSingleItem().Version.ShouldBe(2);
        submissions.EventKinds.Count.ShouldBe(8, "the filters' choices are the whole stream's");
        var beyond = await Get<StreamTimelinePage>(Auditor, $"/api/audit/streams/{id}/timeline?page=9&pageSize=3");
        beyond.Entries.ShouldBeEmpty();
        beyond.Next.ShouldBeNull();
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("page=100001", "page")]
    [InlineData("pageSize=many", "pageSize")]
    public async Task Page_numbers_and_sizes_out_of_bounds_answer_400_naming_the_parameter(string query, string parameter)
    {
        var problem = await ValidationProblemOf(await GetExpecting(Auditor, $"/api/audit/streams/{AllianceId}/timeline?{query}", 400));

        problem.Errors.Keys.ShouldContain(k => k.Equals(parameter, StringComparison.OrdinalIgnoreCase));
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
