using Fachwerk.Application.Applications;
using Fachwerk.Domain.Applications;
using Marten;
using JasperFx;
using Wolverine;
using Wolverine.Attributes;

namespace Fachwerk.Application.Notifications;

/// <summary>
/// Reminds the applicants of a deadline that still holds: the documents of that request are still missing and the application
/// waits for them, or the proof of use is still not submitted and its due date unchanged. A reminder never cancelled and delivered
/// after the documents came, after an extension, or twice, tells nobody anything.
/// </summary>
public static class DeadlineReminderDueHandler
{
    /// <summary>Two deliveries at once: the second finds the notification inserted by the first and records nothing.</summary>
    [RetryNow(typeof(DocumentAlreadyExistsException), 50, 250)]
    public static async Task Handle(
        DeadlineReminderDue reminder, IDocumentSession session, IMessageBus bus, Notifications notifications, TimeProvider clock, CancellationToken cancellation)
    {
        // Delivered before its day (a node's clock ahead of the authority's), it does nothing, like the deadlines themselves.
        if (clock.GetUtcNow() < reminder.At) return;
        var details = await session.LoadAsync<ApplicationDetails>(reminder.ApplicationId, cancellation);
        var summary = await session.LoadAsync<ApplicationSummary>(reminder.ApplicationId, cancellation);
        if (details is null || summary is null) return;
        var (holds, kind, items) = reminder.Kind switch
        {
            DeadlineKind.Documents => details.DocumentRequests.FirstOrDefault(r => r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) == reminder.Item) is { } request
                ? (details.Status == ApplicationStatus.DocumentsRequested && request.SuppliedAt is null && request.DueBy == reminder.DueBy,
                    NotificationKind.DocumentsDueReminder, request.Documents)
                : (false, NotificationKind.DocumentsDueReminder, (IReadOnlyList<string>)[]),
            _ => details.Funding?.ProofsOfUse.FirstOrDefault(p => p.Proof == reminder.Item) is { } proof
                ? (proof.SubmittedAt is null && Common.AuthorityTime.StartOf(proof.DueBy) == reminder.DueBy, NotificationKind.ProofOfUseDueReminder, [proof.Proof])
                : (false, NotificationKind.ProofOfUseDueReminder, (IReadOnlyList<string>)[]),
        };
        if (!holds) return;

        var facts = new NotificationFacts(summary.Number, summary.Title, reminder.DueBy, items, DaysLeft: reminder.DaysBefore);
        var cause = $"{reminder.ApplicationId}/{reminder.Kind}/{reminder.Item}/{reminder.DueBy:O}/{reminder.DaysBefore}";
        await notifications.RecordAsync(session, bus, cause, summary,
            [new PlannedNotification(kind, Audience.Applicants, facts, $"applications/{summary.Id}")], cancellation);
    }
}
