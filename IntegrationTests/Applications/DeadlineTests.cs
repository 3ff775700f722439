using Fachwerk.Application.Applications;
using Fachwerk.Domain.Applications;
using Fachwerk.IntegrationTests.Infrastructure;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// Deadlines are scheduled messages; their handlers look at the application and the clock when they arrive.
/// The tests move the fake clock and deliver the message themselves, as the scheduler would on the due date.
/// </summary>
public class DeadlineTests(AppFixture fixture) : ApplicationApi(fixture)
{
    [Fact]
    public async Task Requesting_documents_schedules_the_deadline_after_the_programme_days()
    {
        var programme = await LaunchProgramme();
        var id = await Submitted(programme);

        var tracked = await Host.ExecuteAndWaitAsync(async () =>
            await Act(Caseworker, id, "document-requests", new RequestDocuments(2, ["Satzung"])), 30_000);

        var scheduled = tracked.Scheduled.Envelopes().ShouldHaveSingleItem();
        scheduled.Message.ShouldBe(new DocumentDeadlineReached(id, 1));
        scheduled.ScheduledTime.ShouldBe(Clock.GetUtcNow().AddDays(14));
        (await Details(id)).DocumentRequests.Single().DueBy.ShouldBe(Clock.GetUtcNow().AddDays(14));
    }

    [Fact]
    public async Task Documents_not_supplied_by_the_deadline_lapse_the_application()
    {
        var programme = await LaunchProgramme();
        var id = await Submitted(programme);
        await Act(Caseworker, id, "document-requests", new RequestDocuments(2, ["Satzung", "Kosten- und Finanzierungsplan"]));
        var events = await EventCount();

        // Delivered a day early (e.g. by a clock skew between nodes), the deadline changes nothing.
        Clock.Advance(TimeSpan.FromDays(13));
        await Host.InvokeMessageAndWaitAsync(new DocumentDeadlineReached(id, 1));
        (await EventCount()).ShouldBe(events);
        (await Details(id)).Status.ShouldBe(ApplicationStatus.DocumentsRequested);

        Clock.Advance(TimeSpan.FromDays(1));
        await Host.InvokeMessageAndWaitAsync(new DocumentDeadlineReached(id, 1));

        var details = await Details(id);
        details.Status.ShouldBe(ApplicationStatus.Lapsed);
        details.ClosingReason.ShouldNotBeNull().ShouldContain("not supplied");
        (await Inbox(Applicant)).Items.ShouldBeEmpty();

        // Delivered again, nothing more happens; the applicant can no longer supply.
        var lapsedEvents = await EventCount();
        await Host.InvokeMessageAndWaitAsync(new DocumentDeadlineReached(id, 1));
        (await EventCount()).ShouldBe(lapsedEvents);
        await Post(Applicant, $"/api/applications/{id}/document-supplies", new SupplyDocuments(details.Version, ["dms://late"]), 409);
    }

    [Fact]
    public async Task Documents_supplied_in_time_make_the_deadline_a_no_op()
    {
        var programme = await LaunchProgramme();
        var id = await Submitted(programme);
        await Act(Caseworker, id, "document-requests", new RequestDocuments(2, ["Satzung"]));
        Clock.Advance(TimeSpan.FromDays(10));
        await Act(Applicant, id, "document-supplies", new SupplyDocuments(3, ["dms://satzung"]));
        var events = await EventCount();

        Clock.Advance(TimeSpan.FromDays(4));
        await Host.InvokeMessageAndWaitAsync(new DocumentDeadlineReached(id, 1));

        (await EventCount()).ShouldBe(events);
        (await Details(id)).Status.ShouldBe(ApplicationStatus.Submitted);
    }

    [Fact]
    public async Task A_decision_pending_longer_than_the_programme_allows_raises_a_reminder_on_the_caseworker_inbox()
    {
        var programme = await LaunchProgramme();
        var id = await Submitted(programme);
        var tracked = await Host.ExecuteAndWaitAsync(async () => await Act(Caseworker, id, "formal-completeness", new CompleteFormally(2)), 30_000);
        tracked.Scheduled.SingleMessage<DecisionReminderDue>().ApplicationId.ShouldBe(id);
        await Act(Reviewer, id, "alliance-vote", new CastAllianceVote(3, ChamberId, true, "Gut", DeclaresNoConflictOfInterest: true));
        var dueBy = Clock.GetUtcNow().AddDays(30);

        (await Inbox(Caseworker)).Items.ShouldHaveSingleItem().Overdue.ShouldBeFalse();

        Clock.Advance(TimeSpan.FromDays(30));
        await Host.InvokeMessageAndWaitAsync(new DecisionReminderDue(id));

        var entry = (await Inbox(Caseworker)).Items.ShouldHaveSingleItem();
        entry.Overdue.ShouldBeTrue();
        entry.DueBy.ShouldBe(dueBy);
        (await Details(id)).DecisionReminderRaisedAt.ShouldBe(Clock.GetUtcNow());
        var events = await EventCount();
        await Host.InvokeMessageAndWaitAsync(new DecisionReminderDue(id));
        (await EventCount()).ShouldBe(events, "the reminder is raised once");
    }
}
