using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;

namespace Fachwerk.Application.Notifications;

/// <summary>One notification an event asks for: its kind, who is told, what it says, and who is left out (the actor, for four eyes).</summary>
/// <param name="Only">The one person of the audience who is told, when the event names them (a reviewer assigned).</param>
public sealed record PlannedNotification(NotificationKind Kind, Audience Audience, NotificationFacts Facts, string Page, string? Except = null, string? Only = null);

/// <summary>
/// Which events tell whom what: one pure function over an application's event and its summary, so the rule is in one place and
/// tested with every kind. Events not named here tell nobody. Reminders before deadlines are <see cref="DeadlineReminders"/>.
/// </summary>
public static class NotificationRules
{
    public static IReadOnlyList<PlannedNotification> For(object @event, ApplicationSummary application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var page = PageOf(application);
        NotificationFacts Facts(DateTimeOffset? dueBy = null, IReadOnlyList<string>? items = null, decimal? amount = null, bool? approved = null,
            string? concerning = null) =>
            new(application.Number, application.Title, dueBy, items, amount, approved, Concerning: concerning);

        return @event switch
        {
            DocumentsRequested e => [new(NotificationKind.DocumentsRequested, Audience.Applicants, Facts(e.DueBy, e.Documents), page)],
            ApplicationLapsed e => [new(NotificationKind.ApplicationLapsed, Audience.Applicants, Facts(e.DueBy), page)],
            // The decision letter is found in the decision's section of the application's page.
            ApplicationApproved e => [new(NotificationKind.DecisionMade, Audience.Applicants, Facts(amount: e.Amount, approved: true), page + DecisionSection)],
            ApplicationRejected => [new(NotificationKind.DecisionMade, Audience.Applicants, Facts(approved: false), page + DecisionSection)],
            PaymentReleased e => [new(NotificationKind.PaymentReleased, Audience.Applicants, Facts(amount: e.Amount), page)],
            ReclaimDemanded e => [new(NotificationKind.ReclaimDemanded, Audience.Applicants, Facts(AuthorityTime.StartOf(e.RepayBy), amount: e.RepaymentDue), page)],
            ApplicationSubmitted => [new(NotificationKind.NewSubmission, Audience.Caseworkers, Facts(), page)],
            DocumentsSupplied e => [new(NotificationKind.DocumentsSupplied, Audience.Caseworkers, Facts(items: e.DocumentReferences), page)],
            DecisionReturned e => [new(NotificationKind.ProposalReturned, Audience.Caseworkers, Facts(), page, e.RecordedBy)],
            DecisionProposed e => [new(NotificationKind.ProposalAwaitsConfirmation, Audience.Approvers, Facts(), page, e.RecordedBy)],
            ApplicationFormallyCompleted e when application.AllianceVoteRequired =>
                [new(NotificationKind.AwaitsAllianceVote, Audience.AllianceReviewers, Facts(e.DecisionDueBy), page)],
            ProofOfUseFirstCheckCompleted e when e.Findings.Count > 0 =>
                [new(NotificationKind.FirstCheckFindings, Audience.Applicants, Facts(items: [.. e.Findings.Select(f => f.Description)], concerning: e.Proof), page)],
            // Only the reviewer assigned: an external expert as such, an alliance's reviewer only while they review for the
            // application's alliance (their binding is checked).
            ReviewerAssigned { External: true } e =>
                [new(NotificationKind.ReviewRequested, Audience.ExternalExperts, Facts(), page + ReviewsSection, e.RecordedBy, e.Reviewer)],
            ReviewerAssigned e => [new(NotificationKind.ReviewRequested, Audience.AllianceReviewers, Facts(), page + ReviewsSection, e.RecordedBy, e.Reviewer)],
            ProofOfUseOverdue e => [new(NotificationKind.ProofOfUseOverdue, Audience.Applicants, Facts(AuthorityTime.StartOf(e.DueBy), concerning: e.Proof), page)],
            _ => [],
        };
    }

    /// <summary>The anchor of the decision's section (with the decision letter) on the application's page.</summary>
    public const string DecisionSection = "#decision-heading";

    /// <summary>The anchor of the reviews' section (with the scoring form) on the application's page.</summary>
    public const string ReviewsSection = "#reviews-heading";

    /// <summary>The application's page in the web UI, relative to its public address.</summary>
    public static string PageOf(ApplicationSummary application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return $"applications/{application.Id}";
    }

    /// <summary>A checked payment that the checker may not release alone waits for a second person (asked only then, see the subscription).</summary>
    public static PlannedNotification PaymentAwaitsRelease(PaymentRequestChecked check, ApplicationSummary application)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(application);
        var amount = application.PaymentRequests.FirstOrDefault(r => r.Number == check.RequestNumber)?.Amount;
        return new(NotificationKind.PaymentAwaitsRelease, Audience.PaymentReleasers,
            new NotificationFacts(application.Number, application.Title, Amount: amount,
                Concerning: check.RequestNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)), PageOf(application), check.RecordedBy);
    }
}
