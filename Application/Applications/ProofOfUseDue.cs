using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Wolverine;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>Scheduled for the day after a proof of use is due.</summary>
public sealed record ProofOfUseDue(Guid ApplicationId, string Proof);

/// <summary>
/// Flags the proof overdue if it is still missing when its (possibly extended) due date has passed; otherwise nothing happens,
/// so the message needs no cancelling when the proof arrives or the deadline moves.
/// </summary>
public static class ProofOfUseDueHandler
{
    public const string Actor = "system:proof-of-use-reminder";

    public static DeliveryMessage<ProofOfUseDue> ScheduleFor(Guid applicationId, string proof, DateOnly dueBy) =>
        new ProofOfUseDue(applicationId, proof).ScheduledAt(new DateTimeOffset(dueBy.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    public static Events Handle(
        ProofOfUseDue due,
        [WriteAggregate(nameof(ProofOfUseDue.ApplicationId))] FundingApplication application,
        TimeProvider clock) =>
        [.. FundingDecider.FlagOverdueProof(application, due.Proof, new Stamp(Actor, clock.GetUtcNow()))];
}
