using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using JasperFx;
using Marten;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>
/// Scheduled for the day after a pilot phase ends (through the durable inbox, so it survives restarts): makes the
/// evaluation due. The handler looks at the pilot's state rather than trusting the timer: a phase that was extended in
/// the meantime, or an evaluation already due or decided, records nothing. Delivering it twice records it once.
/// </summary>
public sealed record EvaluatePilotPhase(Guid PilotId)
{
    /// <summary>The scheduled evaluation for a phase, unless the evaluation is already due among <paramref name="appended"/>.</summary>
    public static OutgoingMessages ScheduleUnlessDue(Guid pilotId, Period pilotPhase, IEnumerable<object> appended)
    {
        var messages = new OutgoingMessages();
        if (!appended.OfType<PilotEvaluationDue>().Any())
            messages.Schedule(new EvaluatePilotPhase(pilotId), PilotDecider.EvaluationDueAt(pilotPhase));
        return messages;
    }

    /// <summary>Durable local queue: a scheduled evaluation months ahead must survive restarts of the service.</summary>
    public static void ConfigureMessaging(WolverineOptions opts) =>
        opts.LocalQueueFor<EvaluatePilotPhase>().UseDurableInbox();
}

public static class EvaluatePilotPhaseHandler
{
    /// <summary>A command on the pilot appended at the same moment: load the pilot again and decide again.</summary>
    [RetryNow(typeof(ConcurrencyException), 50, 100, 250, 500)]
    public static Events Handle(EvaluatePilotPhase message, [WriteAggregate] Pilot pilot, IDocumentSession session, TimeProvider clock)
    {
        session.LastModifiedBy = PilotDecider.SystemActor;
        return [.. PilotDecider.MarkEvaluationDue(pilot, new Stamp(PilotDecider.SystemActor, clock.GetUtcNow()))];
    }
}
