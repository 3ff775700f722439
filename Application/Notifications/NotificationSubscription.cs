using Fachwerk.Application.Applications;
using Fachwerk.Domain.Applications;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Fachwerk.Application.Notifications;

/// <summary>
/// Reads the applications' events after they are stored (a subscription run by the projection daemon, not inside the command's
/// request) and records the notifications they call for, with their mails and reminders, in the same transaction as the
/// subscription's progress: an event is turned into notifications once, and a crash before the commit processes it again, which
/// the notifications' ids make harmless (ADR 0091). It is no projection, so rebuilding the read models never runs it; it starts
/// from the present, so a new installation does not mail its history.
/// </summary>
public sealed class NotificationSubscription : BatchSubscription
{
    public const string Name = "Notifications";
    private readonly Notifications _notifications;

    public NotificationSubscription(Notifications notifications) : base(Name)
    {
        _notifications = notifications;
        foreach (var type in Triggers) IncludeType(type);
        Options.SubscribeFromPresent();
    }

    /// <summary>The event types that tell someone something or start a reminder.</summary>
    public static readonly Type[] Triggers =
    [
        typeof(DocumentsRequested), typeof(ApplicationLapsed), typeof(ApplicationApproved), typeof(ApplicationRejected), typeof(PaymentReleased),
        typeof(ReclaimDemanded), typeof(ApplicationSubmitted), typeof(DocumentsSupplied), typeof(DecisionReturned), typeof(DecisionProposed),
        typeof(ApplicationFormallyCompleted), typeof(ProofOfUseDeadlineExtended),
    ];

    public override async Task ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, IMessageBus bus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(bus);
        foreach (var e in page.Events)
        {
            if (e.Data is not IApplicationEvent happened) continue;
            var application = await operations.LoadAsync<ApplicationSummary>(happened.ApplicationId, cancellationToken);
            if (application is null) continue;
            await _notifications.RecordAsync(operations, bus, NotificationId.OfEvent(e.StreamId, e.Version), application,
                NotificationRules.For(e.Data, application), cancellationToken);
            foreach (var (reminder, at) in DeadlineReminders.For(e.Data, e.Timestamp))
                await bus.ScheduleAsync(reminder, at);
        }
    }
}
