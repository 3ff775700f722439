using System.Text;
using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Persistence.Durability;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Pilots;

/// <summary>
/// The end of the pilot phase makes the evaluation due through a scheduled message. Tests do not wait for it: they move
/// the fake clock and deliver the message themselves. (Wolverine releases scheduled messages by the wall clock, which
/// may already be past a phase on the fake clock; the handler looks at the state and the fake clock, so that early
/// delivery records nothing.)
/// </summary>
public class PilotEvaluationTests(AppFixture fixture) : PilotApi(fixture)
{
    /// <summary>Sends a command and waits until every message it cascaded (e.g. an early scheduled evaluation) is done.</summary>
    private async Task<(ITrackedSession Tracked, T Answer)> Tracked<T>(HttpMethod method, string url, object body, int status)
    {
        T? answer = default;
        // The first call of an endpoint compiles its handler; on a busy machine that outlasts the default five seconds.
        var tracked = await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ =>
            answer = await Read<T>(await Send(Lead, method, url, body, status))));
        return (tracked, answer!);
    }

    /// <summary>
    /// When the evaluation the command sent is due. Only what was sent counts: Wolverine's poll for due messages reads the real
    /// clock, to which the evaluation scheduled at the pilot's creation (on the test clock, in the past) is due, and may run it
    /// while the command is tracked.
    /// </summary>
    private static DateTimeOffset ScheduledEvaluationIn(ITrackedSession tracked, Guid pilot) =>
        tracked.AllRecordsInOrder()
            .Where(r => r.MessageEventType == MessageEventType.Sent && r.Message is EvaluatePilotPhase evaluation && evaluation.PilotId == pilot)
            .Select(r => r.Envelope!.ScheduledTime)
            .First() ?? throw new InvalidOperationException("The evaluation was sent without a time.");

    private void MoveClockTo(DateTimeOffset time)
    {
        if (time > Clock.GetUtcNow()) Clock.SetUtcNow(time);
    }

    private async Task<IReadOnlyList<PilotEvaluationDue>> EvaluationsDue(Guid pilot)
    {
        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(pilot, token: TestContext.Current.CancellationToken);
        return [.. events.Select(e => e.Data).OfType<PilotEvaluationDue>()];
    }

    [Fact]
    public async Task Launching_schedules_the_evaluation_for_the_start_of_the_day_after_the_phase()
    {
        var phase = RunningPhase;

        var (tracked, created) = await Tracked<StreamCreated>(HttpMethod.Post, "/api/pilots", Relocation(phase), 201);

        ScheduledEvaluationIn(tracked, created.Id).ShouldBe(new DateTimeOffset(phase.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        (await Details(created.Id)).Status.ShouldBe(PilotStatus.Running);
        (await EvaluationsDue(created.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_scheduled_evaluation_waits_in_the_durable_inbox_so_it_survives_a_restart()
    {
        // A phase ending long after the wall clock's today, so that Wolverine keeps the message for later.
        var phase = new Period(ThisMonth, new DateOnly(2099, 12, 31));

        var (_, created) = await Tracked<StreamCreated>(HttpMethod.Post, "/api/pilots", Relocation(phase), 201);

        var stored = (await Host.Services.GetRequiredService<IMessageStore>().Admin.AllIncomingAsync())
            .Where(e => e.MessageType == typeof(EvaluatePilotPhase).FullName
                        && Encoding.UTF8.GetString(e.Data ?? []).Contains(created.Id.ToString(), StringComparison.OrdinalIgnoreCase))
            .ShouldHaveSingleItem();
        stored.Status.ShouldBe(EnvelopeStatus.Scheduled);
        stored.ScheduledTime.ShouldBe(new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task The_evaluation_becomes_due_after_the_phase_once_however_often_the_message_arrives()
    {
        var phase = RunningPhase;
        var (_, created) = await Tracked<StreamCreated>(HttpMethod.Post, "/api/pilots", Relocation(phase), 201);
        var pilot = created.Id;

        await Host.InvokeMessageAndWaitAsync(new EvaluatePilotPhase(pilot));
        (await EvaluationsDue(pilot)).ShouldBeEmpty();
        (await Details(pilot)).Status.ShouldBe(PilotStatus.Running);

        MoveClockTo(PilotDecider.EvaluationDueAt(phase));
        await Host.InvokeMessageAndWaitAsync(new EvaluatePilotPhase(pilot));
        await Host.InvokeMessageAndWaitAsync(new EvaluatePilotPhase(pilot));

        var due = (await EvaluationsDue(pilot)).ShouldHaveSingleItem();
        due.PhaseEndedOn.ShouldBe(phase.To);
        due.RecordedBy.ShouldBe(PilotDecider.SystemActor);
        var details = await Details(pilot);
        details.Status.ShouldBe(PilotStatus.EvaluationDue);
        details.EvaluationDueSince.ShouldBe(due.RecordedAt);
        details.Version.ShouldBe(2);
    }

    [Fact]
    public async Task After_an_extension_the_old_timer_finds_nothing_to_do_and_the_new_one_makes_the_evaluation_due()
    {
        var phase = RunningPhase;
        var (_, created) = await Tracked<StreamCreated>(HttpMethod.Post, "/api/pilots", Relocation(phase), 201);
        var pilot = created.Id;
        var newEnd = phase.To.AddMonths(3);

        var (tracked, extended) = await Tracked<CommandAccepted>(HttpMethod.Post, $"/api/pilots/{pilot}/phase-extension",
            new ExtendPilotPhase(1, newEnd, "Demand grew faster than planned"), 200);

        extended.Version.ShouldBe(2);
        ScheduledEvaluationIn(tracked, pilot).ShouldBe(PilotDecider.EvaluationDueAt(phase with { To = newEnd }));
        MoveClockTo(PilotDecider.EvaluationDueAt(phase));
        await Host.InvokeMessageAndWaitAsync(new EvaluatePilotPhase(pilot));
        (await EvaluationsDue(pilot)).ShouldBeEmpty();

        MoveClockTo(PilotDecider.EvaluationDueAt(phase with { To = newEnd }));
        await Host.InvokeMessageAndWaitAsync(new EvaluatePilotPhase(pilot));

        (await EvaluationsDue(pilot)).ShouldHaveSingleItem().PhaseEndedOn.ShouldBe(newEnd);
        var details = await Details(pilot);
        details.PilotPhase.To.ShouldBe(newEnd);
        details.PhaseExtensions.ShouldHaveSingleItem().PreviousEnd.ShouldBe(phase.To);
    }

    [Fact]
    public async Task An_evaluation_for_a_pilot_that_does_not_exist_records_nothing()
    {
        var tracked = await Host.InvokeMessageAndWaitAsync(new EvaluatePilotPhase(Guid.NewGuid()));

        tracked.Status.ShouldBe(TrackingStatus.Completed);
        (await EventCount()).ShouldBe(0);
    }

    [Fact]
    public async Task A_pilot_whose_phase_has_ended_is_evaluated_at_once_and_continued_with_reasons()
    {
        var phase = PastPhase;
        var (tracked, created) = await Tracked<StreamCreated>(HttpMethod.Post, "/api/pilots", Relocation(phase), 201);
        var pilot = created.Id;

        created.Version.ShouldBe(2);
        tracked.AllRecordsInOrder().ShouldNotContain(r => r.Message is EvaluatePilotPhase);
        (await Details(pilot)).Status.ShouldBe(PilotStatus.EvaluationDue);

        var continuedUntil = phase.To.AddYears(1);
        var decided = await Post<CommandAccepted>(Lead, $"/api/pilots/{pilot}/continuation",
            new DecideContinuation(2, ContinuationDecision.Continue,
                ["Companies keep asking for the service", "The city takes over the funding"], Today, continuedUntil));

        var details = await Details(pilot);
        details.Version.ShouldBe(decided.Version);
        details.Status.ShouldBe(PilotStatus.Continued);
        details.Continuation!.Reasons.Count.ShouldBe(2);
        details.Continuation.ContinuedUntil.ShouldBe(continuedUntil);
        details.Continuation.DecidedBy.ShouldBe(Lead.Id);
        details.Continuation.Assessment.Verdict.ShouldBe(DemandVerdict.NotStable);
        // During the continuation, activities after the pilot phase are recorded.
        var (_, version) = await EnrolParticipant(pilot, decided.Version, Today);
        version.ShouldBe(decided.Version + 1);
    }
}
