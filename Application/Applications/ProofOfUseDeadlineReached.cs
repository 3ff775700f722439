using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Wolverine;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>Scheduled for the day after a proof of use is due.</summary>
public sealed record ProofOfUseDeadlineReached(Guid ApplicationId, string Proof);

/// <summary>
/// Flags the proof overdue if it is still missing when its (possibly extended) due date has passed; otherwise nothing happens,
/// so the message needs no cancelling when the proof arrives or the deadline moves.
/// </summary>
public static class ProofOfUseDeadlineReachedHandler
{
    public const string Actor = "system:proof-of-use-reminder";

    public static DeliveryMessage<ProofOfUseDeadlineReached> ScheduleFor(Guid applicationId, string proof, DateOnly dueBy) =>
        new ProofOfUseDeadlineReached(applicationId, proof).ScheduledAt(new DateTimeOffset(dueBy.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    public static Events Handle(
        ProofOfUseDeadlineReached due,
        [WriteAggregate(nameof(ProofOfUseDeadlineReached.ApplicationId))] FundingApplication application,
        TimeProvider clock) =>
        [.. FundingDecider.FlagOverdueProof(application, due.Proof, new Stamp(Actor, clock.GetUtcNow()))];
}
