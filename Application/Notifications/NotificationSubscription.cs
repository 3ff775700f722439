using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Pilots;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Fachwerk.Application.Notifications;

/// <summary>
/// Reads the applications' and pilots' events after they are stored (a subscription run by the projection daemon, not inside the
/// command's request) and records the notifications they call for, with their mails and reminders, in the same transaction as the
/// subscription's progress: an event is turned into notifications once, and a crash before the commit processes it again, which
/// the notifications' ids make harmless (ADR 0091). It is no projection, so rebuilding the read models never runs it; it starts
/// from the present, so a new installation does not mail its history.
/// </summary>
public sealed class NotificationSubscription : BatchSubscription
{
    public const string Name = "Notifications";
    private readonly Notifications _notifications;
    private readonly IOptions<FundingOptions> _funding;

    public NotificationSubscription(Notifications notifications, IOptions<FundingOptions> funding) : base(Name)
    {
        _notifications = notifications;
        _funding = funding;
        foreach (var type in Triggers) IncludeType(type);
        Options.SubscribeFromPresent();
    }

    /// <summary>The event types that tell someone something, start a reminder, or give a caseworker a task with a due date.</summary>
    public static readonly Type[] Triggers =
    [
        typeof(DocumentsRequested), typeof(ApplicationLapsed), typeof(ApplicationApproved), typeof(ApplicationRejected), typeof(PaymentReleased),
        typeof(ReclaimDemanded), typeof(ApplicationSubmitted), typeof(DocumentsSupplied), typeof(DecisionReturned), typeof(DecisionProposed),
        typeof(ApplicationFormallyCompleted), typeof(ProofOfUseDeadlineExtended), typeof(ProofOfUseFirstCheckCompleted), typeof(ProofOfUseOverdue),
        typeof(PaymentRequestChecked), typeof(PaymentRequested), typeof(AllianceVoteCast), typeof(ApprovalBlocked), typeof(ProofOfUseSubmitted),
        typeof(ProofOfUseSelectedForInDepthCheck), typeof(PilotEvaluationDue), typeof(ReviewerAssigned),
    ];

    public override async Task ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, IMessageBus bus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(bus);
        // The reads below (summaries, recipients, existing notifications, preferences) in the transaction that records the
        // notifications and the subscription's progress, not each in an autocommit of its own (issue 25, ADR 0132).
        if (operations is IDocumentSession session) await session.BeginTransactionAsync(cancellationToken);
        // The summary is read as it is now, so the events of one page see the same tasks: each check is scheduled once a page.
        var overdueChecks = new HashSet<TaskOverdueDue>();
        // The page's mails go out in one message: one envelope, one read and one record for all of them (issue 25).
        var mails = new List<SendNotificationMail>();
        var summaries = await SummariesAsync(operations, page, cancellationToken);
        // The page's causes are recorded together: their audiences, people and notifications read once a page (issue 25).
        var causes = new List<NotificationCause>();
        foreach (var e in page.Events)
        {
            var cause = NotificationId.OfEvent(e.StreamId, e.Version);
            if (e.Data is PilotEvaluationDue due)
            {
                if (await ProjectLeadsCauseAsync(operations, cause, due, cancellationToken) is { } told) causes.Add(told);
                continue;
            }
            if (e.Data is not IApplicationEvent happened) continue;
            if (!summaries.TryGetValue(happened.ApplicationId, out var application)) continue;
            var planned = NotificationRules.For(e.Data, application).ToList();
            if (e.Data is PaymentRequestChecked checkedRequest && await NeedsSecondPersonAsync(operations, e, checkedRequest, cancellationToken))
                planned.Add(NotificationRules.PaymentAwaitsRelease(checkedRequest, application));
            if (planned.Count > 0) causes.Add(new NotificationCause(cause, NotificationTopic.Of(application), planned));
            foreach (var (reminder, at) in DeadlineReminders.For(e.Data, e.Timestamp))
                await bus.ScheduleAsync(reminder, at);
            foreach (var overdue in TaskOverdueDue.For(application).Where(overdueChecks.Add))
                await bus.ScheduleAsync(overdue, overdue.DueBy);
        }
        await _notifications.RecordAsync(operations, bus, causes, mails, cancellationToken);
        if (SendNotificationMails.MessageFor(mails) is { } message) await bus.PublishAsync(message);
    }

    /// <summary>The summaries of the page's applications, read at once (one round trip a page, not one an event; issue 25).</summary>
    private static async Task<Dictionary<Guid, ApplicationSummary>> SummariesAsync(IDocumentOperations operations, EventRange page, CancellationToken cancellation)
    {
        Guid[] ids = [.. page.Events.Select(e => e.Data).OfType<IApplicationEvent>().Select(e => e.ApplicationId).Distinct()];
        return ids.Length == 0 ? [] : (await operations.LoadManyAsync<ApplicationSummary>(cancellation, ids)).ToDictionary(s => s.Id);
    }

    /// <summary>Whether the checker may not release the payment alone (four eyes), as the case stood after the check.</summary>
    private async Task<bool> NeedsSecondPersonAsync(IDocumentOperations operations, IEvent e, PaymentRequestChecked check, CancellationToken cancellation)
    {
        var application = await operations.Events.AggregateStreamAsync<FundingApplication>(e.StreamId, e.Version, token: cancellation);
        return application?.Funding is { } funding && funding.PaymentRequests.FirstOrDefault(r => r.Number == check.RequestNumber) is { } request
               && PaymentFourEyes.NeedsSecondPerson(funding, request, check.RecordedBy, _funding.Value.PaymentFourEyesAbove);
    }

    private static async Task<NotificationCause?> ProjectLeadsCauseAsync(
        IDocumentOperations operations, string cause, PilotEvaluationDue due, CancellationToken cancellation)
    {
        if (await operations.LoadAsync<PilotDetails>(due.PilotId, cancellation) is not { } pilot) return null;
        var facts = new NotificationFacts("", pilot.Name, AuthorityTime.StartOf(due.PhaseEndedOn));
        // The web UI has no pilot pages yet: the mail leads to the notifications, and the text says what to do.
        return new NotificationCause(cause, NotificationTopic.OfPilot(pilot.Id),
            [new PlannedNotification(NotificationKind.PilotEvaluationDue, Audience.ProjectLeads, facts, "notifications")]);
    }
}
