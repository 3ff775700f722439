using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>Scheduled for the day a decision on the application is due.</summary>
public sealed record DecisionReminderDue(Guid ApplicationId);

/// <summary>Raises the reminder if the application still waits for a decision; otherwise (or when repeated) nothing happens.</summary>
public static class DecisionReminderDueHandler
{
    public const string Actor = "system:decision-reminder";

    public static Events Handle(
        DecisionReminderDue due,
        [WriteAggregate(nameof(DecisionReminderDue.ApplicationId))] FundingApplication application,
        TimeProvider clock) =>
        [.. ApplicationDecider.RemindOfPendingDecision(application, new Stamp(Actor, clock.GetUtcNow()))];
}
