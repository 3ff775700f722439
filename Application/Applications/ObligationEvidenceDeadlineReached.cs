using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Wolverine;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>Scheduled for the day after evidence of an obligation is due (ADR 0123).</summary>
public sealed record ObligationEvidenceDeadlineReached(Guid ApplicationId, int Number, DateOnly DueBy);

/// <summary>
/// Marks the due day overdue if no evidence came and the obligation is not breached; otherwise nothing happens, so the message needs
/// no cancelling when the evidence arrives.
/// </summary>
public static class ObligationEvidenceDeadlineReachedHandler
{
    public const string Actor = "system:obligation-reminder";

    public static DeliveryMessage<ObligationEvidenceDeadlineReached> ScheduleFor(Guid applicationId, int number, DateOnly dueBy) =>
        new ObligationEvidenceDeadlineReached(applicationId, number, dueBy)
            .ScheduledAt(new DateTimeOffset(dueBy.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    public static Events Handle(
        ObligationEvidenceDeadlineReached due,
        [WriteAggregate(nameof(ObligationEvidenceDeadlineReached.ApplicationId))] FundingApplication application,
        TimeProvider clock) =>
        [.. ObligationDecider.EvidenceDeadlineReached(application, due.Number, due.DueBy, new Stamp(Actor, clock.GetUtcNow()))];
}
