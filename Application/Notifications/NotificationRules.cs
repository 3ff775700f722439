using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;

namespace Fachwerk.Application.Notifications;

/// <summary>One notification an event asks for: its kind, who is told, what it says, and who is left out (the actor, for four eyes).</summary>
public sealed record PlannedNotification(NotificationKind Kind, Audience Audience, NotificationFacts Facts, string Page, string? Except = null);

/// <summary>
/// Which events tell whom what: one pure function over an application's event and its summary, so the rule is in one place and
/// tested with every kind. Events not named here tell nobody. Reminders before deadlines are <see cref="DeadlineReminders"/>.
/// </summary>
public static class NotificationRules
{
    public static IReadOnlyList<PlannedNotification> For(object @event, ApplicationSummary application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var page = $"applications/{application.Id}";
        NotificationFacts Facts(DateTimeOffset? dueBy = null, IReadOnlyList<string>? items = null, decimal? amount = null, bool? approved = null) =>
            new(application.Number, application.Title, dueBy, items, amount, approved);

        return @event switch
        {
            DocumentsRequested e => [new(NotificationKind.DocumentsRequested, Audience.Applicants, Facts(e.DueBy, e.Documents), page)],
            ApplicationLapsed e => [new(NotificationKind.ApplicationLapsed, Audience.Applicants, Facts(e.DueBy), page)],
            ApplicationApproved e => [new(NotificationKind.DecisionMade, Audience.Applicants, Facts(amount: e.Amount, approved: true), page)],
            ApplicationRejected => [new(NotificationKind.DecisionMade, Audience.Applicants, Facts(approved: false), page)],
            PaymentReleased e => [new(NotificationKind.PaymentReleased, Audience.Applicants, Facts(amount: e.Amount), page)],
            ReclaimDemanded e => [new(NotificationKind.ReclaimDemanded, Audience.Applicants, Facts(AuthorityTime.StartOf(e.RepayBy), amount: e.RepaymentDue), page)],
            ApplicationSubmitted => [new(NotificationKind.NewSubmission, Audience.Caseworkers, Facts(), page)],
            DocumentsSupplied e => [new(NotificationKind.DocumentsSupplied, Audience.Caseworkers, Facts(items: e.DocumentReferences), page)],
            DecisionReturned e => [new(NotificationKind.ProposalReturned, Audience.Caseworkers, Facts(), page, e.RecordedBy)],
            DecisionProposed e => [new(NotificationKind.ProposalAwaitsConfirmation, Audience.Approvers, Facts(), page, e.RecordedBy)],
            ApplicationFormallyCompleted e when application.AllianceVoteRequired =>
                [new(NotificationKind.AwaitsAllianceVote, Audience.AllianceReviewers, Facts(e.DecisionDueBy), page)],
            _ => [],
        };
    }
}
