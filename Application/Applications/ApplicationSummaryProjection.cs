using System.Collections.Immutable;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;

namespace Fachwerk.Application.Applications;

/// <summary>
/// Keeps <see cref="ApplicationSummary"/> inline with every command: the status follows <see cref="ApplicationLifecycle"/>,
/// the open tasks <see cref="WhoActsNext"/>, and the tasks are stored as <see cref="InboxTask"/> documents in the same transaction.
/// </summary>
public sealed partial class ApplicationSummaryProjection : SingleStreamProjection<ApplicationSummary, Guid>
{
    // Rebuilds read pages of 2,000 events instead of 500: fewer round trips and flushes over a million events (docs/benchmarks.md).
    public ApplicationSummaryProjection() => Options.BatchSize = 2_000;

    public static ApplicationSummary Create(IEvent<ApplicationDrafted> e)
    {
        var number = ApplicationNumber.Of(e.Data.ApplicationId);
        var drafted = new ApplicationSummary
        {
            Id = e.Data.ApplicationId,
            Number = number,
            SearchText = SearchText.Of(e.Data.Plan.Title, e.Data.ApplicantName, number, e.Data.Plan.Description),
            Title = e.Data.Plan.Title,
            District = e.Data.District,
            ApplicantId = e.Data.ApplicantId,
            Applicant = e.Data.ApplicantName,
            ProgrammeId = e.Data.ProgrammeId,
            Programme = e.Data.ProgrammeName,
            AllianceId = e.Data.AllianceId,
            Alliance = e.Data.AllianceName,
            RequestedAmount = e.Data.Plan.RequestedAmount,
        };
        return Next(drafted, drafted, e);
    }

    public static ApplicationSummary Apply(IEvent<ApplicationAmended> e, ApplicationSummary s) =>
        Next(s, s with
        {
            Title = e.Data.Plan.Title,
            RequestedAmount = e.Data.Plan.RequestedAmount,
            SearchText = SearchText.Of(e.Data.Plan.Title, s.Applicant, s.Number, e.Data.Plan.Description),
        }, e, moved: false);

    public static ApplicationSummary Apply(IEvent<ApplicationSubmitted> e, ApplicationSummary s) =>
        Next(s, s with
        {
            AllianceVoteRequired = e.Data.Terms.AllianceVoteRequired, SubmittedAt = e.Timestamp, SubmittedMonth = AuthorityTime.MonthOf(e.Timestamp),
            CallNumber = e.Data.Call?.Number, DaysLate = e.Data.Call?.DaysLate ?? 0,
        }, e);

    public static ApplicationSummary Apply(IEvent<DocumentsRequested> e, ApplicationSummary s) => Next(s, s with { DocumentsDueBy = e.Data.DueBy }, e);

    public static ApplicationSummary Apply(IEvent<DocumentsSupplied> e, ApplicationSummary s) => Next(s, s with { DocumentsDueBy = null }, e);

    public static ApplicationSummary Apply(IEvent<ApplicationLapsed> e, ApplicationSummary s) => Next(s, s, e);

    public static ApplicationSummary Apply(IEvent<ApplicationFormallyCompleted> e, ApplicationSummary s) =>
        Next(s, s with { DecisionDueBy = e.Data.DecisionDueBy }, e);

    public static ApplicationSummary Apply(IEvent<AllianceVoteCast> e, ApplicationSummary s) => Next(s, s with { Voted = true }, e);

    public static ApplicationSummary Apply(IEvent<DecisionProposed> e, ApplicationSummary s) => Next(s, s, e);

    public static ApplicationSummary Apply(IEvent<DecisionReturned> e, ApplicationSummary s) => Next(s, s, e);

    public static ApplicationSummary Apply(IEvent<DecisionConfirmed> e, ApplicationSummary s) => Next(s, s, e);

    public static ApplicationSummary Apply(IEvent<ApplicationRejected> e, ApplicationSummary s) => Next(s, s, e);

    public static ApplicationSummary Apply(IEvent<ApplicationApproved> e, ApplicationSummary s) =>
        Next(s, s with
        {
            ApprovedAmount = e.Data.Amount,
            ApprovedAt = e.Timestamp,
            ApprovedMonth = AuthorityTime.MonthOf(e.Timestamp),
            Proofs = [.. e.Data.ProofsOfUse.Select(p => new SummaryProof(p.Proof, p.DueBy, false, null, null, null, null))],
        }, e);

    public static ApplicationSummary Apply(IEvent<ApprovalBlocked> e, ApplicationSummary s) => Next(s, s, e);

    public static ApplicationSummary Apply(IEvent<ApprovedAmountReduced> e, ApplicationSummary s) =>
        Next(s, s with { ApprovedAmount = e.Data.Amount }, e, moved: false);

    public static ApplicationSummary Apply(IEvent<ApplicationWithdrawn> e, ApplicationSummary s) => Next(s, s with { ApprovedAmount = null }, e);

    public static ApplicationSummary Apply(IEvent<DecisionReminderRaised> e, ApplicationSummary s) =>
        Next(s, s with { DecisionReminderRaised = true }, e, moved: false);

    public static ApplicationSummary Apply(IEvent<PaymentRequested> e, ApplicationSummary s) =>
        Next(s, s with
        {
            PaymentRequests = [.. s.PaymentRequests, new(e.Data.RequestNumber, e.Data.Amount, e.Data.NeededBy, PaymentRequestStatus.Requested)],
        }, e);

    public static ApplicationSummary Apply(IEvent<PaymentRequestChecked> e, ApplicationSummary s) =>
        Next(s, WithRequest(s, e.Data.RequestNumber, PaymentRequestStatus.Checked), e);

    public static ApplicationSummary Apply(IEvent<PaymentRequestRefused> e, ApplicationSummary s) =>
        Next(s, WithRequest(s, e.Data.RequestNumber, PaymentRequestStatus.Refused), e);

    public static ApplicationSummary Apply(IEvent<PaymentReleased> e, ApplicationSummary s) =>
        Next(s, WithRequest(s, e.Data.RequestNumber, PaymentRequestStatus.Released) with { PaidAmount = s.PaidAmount + e.Data.Amount }, e);

    public static ApplicationSummary Apply(IEvent<ProofOfUseSubmitted> e, ApplicationSummary s) =>
        Next(s, WithProof(s, e.Data.Proof, p => p with { SubmittedAt = e.Timestamp }), e);

    public static ApplicationSummary Apply(IEvent<ProofOfUseDeadlineExtended> e, ApplicationSummary s) =>
        Next(s, WithProof(s, e.Data.Proof, p => p with { DueBy = e.Data.DueBy, Overdue = false }), e, moved: false);

    public static ApplicationSummary Apply(IEvent<ProofOfUseOverdue> e, ApplicationSummary s) =>
        Next(s, WithProof(s, e.Data.Proof, p => p with { Overdue = true }), e, moved: false);

    public static ApplicationSummary Apply(IEvent<ProofOfUseFirstCheckCompleted> e, ApplicationSummary s) =>
        Next(s, WithProof(s, e.Data.Proof, p => p with { FirstCheckedAt = e.Timestamp }), e);

    public static ApplicationSummary Apply(IEvent<ProofOfUseSelectedForInDepthCheck> e, ApplicationSummary s) =>
        Next(s, WithProof(s, e.Data.Proof, p => p with { SelectedAt = e.Timestamp }), e);

    public static ApplicationSummary Apply(IEvent<ProofOfUseInDepthCheckCompleted> e, ApplicationSummary s) =>
        Next(s, WithProof(s, e.Data.Proof, p => p with { InDepthCheckedAt = e.Timestamp }), e);

    public static ApplicationSummary Apply(IEvent<ReclaimDemanded> e, ApplicationSummary s) =>
        Next(s, s with
        {
            ApprovedAmount = e.Data.ApprovedAmount,
            RepaymentDue = s.RepaymentDue + e.Data.RepaymentDue,
            RepayBy = e.Data.RepaymentDue > 0 ? e.Data.RepayBy : s.RepayBy,
        }, e);

    public static ApplicationSummary Apply(IEvent<RepaymentReceived> e, ApplicationSummary s) =>
        Next(s, s with { PaidAmount = s.PaidAmount - e.Data.Amount, RepaymentDue = s.RepaymentDue - e.Data.Amount }, e);

    public static ApplicationSummary Apply(IEvent<ApplicationClosed> e, ApplicationSummary s) => Next(s, s with { ApprovedAmount = e.Data.Paid }, e);

    // Who works on the case moves nothing along: the tasks stay, "waiting since" too.
    public static ApplicationSummary Apply(IEvent<CaseAssigned> e, ApplicationSummary s) =>
        Next(s, s with { AssignedTo = e.Data.Assignee, AssignedToName = e.Data.AssigneeName }, e, moved: false);

    public static ApplicationSummary Apply(IEvent<CaseReleased> e, ApplicationSummary s) =>
        Next(s, s with { AssignedTo = null, AssignedToName = null }, e, moved: false);

    // The payee account is not shown in the list; a proposal waiting for its confirmation is a caseworker's task (not the proposer's).
    public static ApplicationSummary Apply(IEvent<PayeeAccountProposed> e, ApplicationSummary s) =>
        Next(s, s with { PayeeProposal = new SummaryPayeeProposal(e.Data.ProposalNumber, e.Data.RecordedBy) }, e, moved: false);

    public static ApplicationSummary Apply(IEvent<PayeeAccountConfirmed> e, ApplicationSummary s) =>
        Next(s, s.PayeeProposal?.Number == e.Data.ProposalNumber ? s with { PayeeProposal = null } : s, e, moved: false);

    // Amendments change the decision's terms, not where the grant stands (ADR 0121); one in force changes the approved amount.
    public static ApplicationSummary Apply(IEvent<AmendmentProposed> e, ApplicationSummary s) => Next(s, s, e, moved: false);

    public static ApplicationSummary Apply(IEvent<AmendmentConfirmed> e, ApplicationSummary s) => Next(s, s, e, moved: false);

    public static ApplicationSummary Apply(IEvent<AmendmentReturned> e, ApplicationSummary s) => Next(s, s, e, moved: false);

    public static ApplicationSummary Apply(IEvent<AmendmentBlocked> e, ApplicationSummary s) => Next(s, s, e, moved: false);

    public static ApplicationSummary Apply(IEvent<DecisionAmended> e, ApplicationSummary s) =>
        Next(s, s with { ApprovedAmount = e.Data.Amount }, e, moved: false);

    // The applicant person's facts and the case's legal hold (ADR 0123) move nothing along.
    public static ApplicationSummary Apply(IEvent<ApplicantPersonNamed> e, ApplicationSummary s) => Next(s, s, e, moved: false);

    public static ApplicationSummary Apply(IEvent<ApplicantPersonDataErased> e, ApplicationSummary s) => Next(s, s, e, moved: false);

    public static ApplicationSummary Apply(IEvent<CaseLegalHoldPlaced> e, ApplicationSummary s) => Next(s, s, e, moved: false);

    public static ApplicationSummary Apply(IEvent<CaseLegalHoldLifted> e, ApplicationSummary s) => Next(s, s, e, moved: false);

    public static ApplicationSummary Apply(IEvent<ObligationImposed> e, ApplicationSummary s) => Next(s, s, e, moved: false);

    public static ApplicationSummary Apply(IEvent<ObligationEvidenceRecorded> e, ApplicationSummary s) => Next(s, s, e, moved: false);

    public static ApplicationSummary Apply(IEvent<ObligationEvidenceOverdue> e, ApplicationSummary s) => Next(s, s, e, moved: false);

    public static ApplicationSummary Apply(IEvent<ObligationBreached> e, ApplicationSummary s) => Next(s, s, e, moved: false);

    // Reviews prepare the alliance's vote; they move nothing along either.
    public static ApplicationSummary Apply(IEvent<ReviewerAssigned> e, ApplicationSummary s) => Next(s, s, e, moved: false);

    // A declared conflict takes the reviewer's review out of the figures; a new review replaces their earlier one (ADR 0093).
    public static ApplicationSummary Apply(IEvent<ReviewerConflictDeclared> e, ApplicationSummary s) =>
        Next(s, Reviewed(s, s.ReviewAverages.Remove(e.Data.Reviewer)), e, moved: false);

    public static ApplicationSummary Apply(IEvent<ApplicationReviewed> e, ApplicationSummary s) =>
        Next(s, Reviewed(s, s.ReviewAverages.SetItem(e.Data.Reviewer, ReviewSummary.ExactWeightedAverage(e.Data.Scores))), e, moved: false);

    private static ApplicationSummary Reviewed(ApplicationSummary s, ImmutableDictionary<string, decimal> averages) =>
        s with
        {
            ReviewAverages = averages,
            Review = averages.IsEmpty ? null : ReviewSummary.OfAverages([.. averages.Values]),
            ReviewMean = averages.IsEmpty ? null : averages.Values.Average(),
        };

    /// <summary>Keeps the open tasks as their own documents, replacing the application's previous ones.</summary>
    public override ValueTask RaiseSideEffects(IDocumentOperations operations, IEventSlice<ApplicationSummary> slice)
    {
        var summary = slice.Snapshot;
        if (summary is null) return ValueTask.CompletedTask;

        // The statement Marten's DeleteWhere would write, without building and translating an expression tree with every command.
        operations.QueueSqlCommand($"delete from {operations.DocumentStore.Options.Schema.For<InboxTask>()} where application_id = ?", summary.Id);
        foreach (var task in InboxTasks.Of(summary)) operations.Store(task);

        return ValueTask.CompletedTask;
    }

    private static ApplicationSummary WithRequest(ApplicationSummary s, int number, PaymentRequestStatus status) =>
        s with { PaymentRequests = [.. s.PaymentRequests.Select(r => r.Number == number ? r with { Status = status } : r)] };

    private static ApplicationSummary WithProof(ApplicationSummary s, string proof, Func<SummaryProof, SummaryProof> change) =>
        s with { Proofs = [.. s.Proofs.Select(p => p.Proof == proof ? change(p) : p)] };

    /// <summary>
    /// The summary after event <paramref name="e"/>: its status from the lifecycle (judged on the state <paramref name="before"/> it),
    /// the open tasks recomputed; <paramref name="moved"/> says whether the application moved on (resets "waiting since").
    /// </summary>
    private static ApplicationSummary Next(ApplicationSummary before, ApplicationSummary after, IEvent e, bool moved = true)
    {
        var next = after with
        {
            Version = e.Version,
            Since = moved ? e.Timestamp : before.Since,
            Status = ApplicationLifecycle.StatusAfter(before.Status, e.Data, before.Voted, before.RepaymentDue),
        };
        var tasks = WhoActsNext.For(next);
        return next with { Tasks = tasks, NextDueBy = tasks.Min(t => t.DueBy), TaskReminderRaised = tasks.Any(t => t.ReminderRaised) };
    }
}
