using Fachwerk.Domain.Applications;

namespace Fachwerk.Application.Applications;

/// <summary>Another record, by id and name.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
public sealed record NamedReference(Guid Id, string Name);

/// <summary>A caseworker's request for documents, and the applicant's answer.</summary>
/// <param name="Number">The request's number within the application, from 1.</param>
/// <param name="Documents">The documents asked for.</param>
/// <param name="RequestedAt">When they were asked for.</param>
/// <param name="DueBy">By when they are to be supplied; after that the application lapses.</param>
/// <param name="SuppliedReferences">The documents supplied: the ids of the uploads that answered the items, or references a client named.</param>
/// <param name="SuppliedAt">When they were supplied.</param>
public sealed record DocumentRequestRecord(
    int Number, IReadOnlyList<string> Documents, DateTimeOffset RequestedAt, DateTimeOffset DueBy,
    IReadOnlyList<string>? SuppliedReferences, DateTimeOffset? SuppliedAt)
{
    /// <summary>The uploads that answer the request's items, by item (the latest upload per item).</summary>
    public IReadOnlyList<RequestItemAnswer> Answers { get; init; } = [];
}

/// <summary>The alliance's vote on the application.</summary>
/// <param name="OnBehalfOf">The member organisation the vote was cast for.</param>
/// <param name="Recommends">Whether the alliance recommends funding.</param>
/// <param name="Reasons">Its reasons.</param>
/// <param name="Scores">Its scores per criterion (0 to 10).</param>
/// <param name="BasedOnVersion">The application's version the vote was based on.</param>
/// <param name="CastBy">Who cast it.</param>
/// <param name="CastAt">When.</param>
/// <param name="DeclaredNoConflictOfInterest">Whether the reviewer declared that neither they nor the member organisation has an
/// interest in the project (false on votes cast before the declaration was asked for).</param>
public sealed record AllianceVoteRecord(
    Guid OnBehalfOf, bool Recommends, string Reasons, IReadOnlyDictionary<string, int> Scores, long BasedOnVersion, string CastBy,
    DateTimeOffset CastAt, bool DeclaredNoConflictOfInterest = false);

/// <summary>What became of a proposed decision: pending, confirmed, returned, or blocked by the budget.</summary>
public enum ProposalOutcome
{
    Pending,
    Confirmed,
    Returned,
    Blocked,
}

/// <summary>A proposed decision and what became of it.</summary>
/// <param name="Number">The proposal's number within the application, from 1.</param>
/// <param name="Decision">Approve or reject.</param>
/// <param name="Amount">The amount proposed, in EUR, for an approval.</param>
/// <param name="Conditions">The conditions attached to an approval.</param>
/// <param name="RejectionReason">Why a rejection rejects.</param>
/// <param name="PlanningExceedanceReason">Why an approval may exceed the alliance's planning figure.</param>
/// <param name="BasedOnVersion">The application's version the proposal was based on.</param>
/// <param name="ProposedBy">Who proposed it.</param>
/// <param name="ProposedAt">When.</param>
/// <param name="Outcome">Pending, confirmed, returned or blocked.</param>
/// <param name="DecidedBy">Who confirmed or returned it (the second person).</param>
/// <param name="DecidedAt">When.</param>
/// <param name="OutcomeReason">Why it was returned or blocked.</param>
public sealed record ProposalRecord(
    int Number, DecisionKind Decision, decimal? Amount, IReadOnlyList<string> Conditions, string? RejectionReason,
    string? PlanningExceedanceReason, long BasedOnVersion, string ProposedBy, DateTimeOffset ProposedAt,
    ProposalOutcome Outcome, string? DecidedBy, DateTimeOffset? DecidedAt, string? OutcomeReason)
{
    /// <summary>The obligations the approval imposes once in force (Auflagen, ADR 0126); dropped with the proposal when it is returned or blocked.</summary>
    public IReadOnlyList<ObligationTerms> Obligations { get; init; } = [];
}

/// <summary>A payment request and what became of it.</summary>
/// <param name="Number">The request's number within the application, from 1.</param>
/// <param name="Amount">The amount requested, in EUR.</param>
/// <param name="NeededBy">When the money is needed.</param>
/// <param name="OwnAndThirdPartySpent">Own and third-party money spent on the project so far, as declared, in EUR.</param>
/// <param name="Status">Requested, checked, released or refused.</param>
/// <param name="RequestedAt">When it was requested.</param>
/// <param name="CheckedBy">Who checked it.</param>
/// <param name="ReleasedBy">Who released it.</param>
/// <param name="BookedOn">The day the payment was booked.</param>
/// <param name="RefusalReason">Why it was refused.</param>
public sealed record PaymentRecord(
    int Number, decimal Amount, DateOnly NeededBy, decimal OwnAndThirdPartySpent, PaymentRequestStatus Status, DateTimeOffset RequestedAt,
    string? CheckedBy, string? ReleasedBy, DateOnly? BookedOn, string? RefusalReason);

/// <summary>A later due date for a proof of use.</summary>
/// <param name="From">The due date before.</param>
/// <param name="To">The new due date.</param>
/// <param name="Reason">Why it was extended.</param>
/// <param name="ExtendedBy">Who extended it.</param>
public sealed record DeadlineExtension(DateOnly From, DateOnly To, string Reason, string ExtendedBy);

/// <summary>A check of a proof of use.</summary>
/// <param name="CheckedAt">When it was checked.</param>
/// <param name="CheckedBy">Who checked it.</param>
/// <param name="Findings">What the check found wrong; empty if nothing.</param>
public sealed record CheckRecord(DateTimeOffset CheckedAt, string CheckedBy, IReadOnlyList<Finding> Findings);

/// <summary>A proof of use: when it is due, what was submitted, and its checks.</summary>
/// <param name="Proof">The proof's name, e.g. interim-2027 or final.</param>
/// <param name="Kind">Interim or final.</param>
/// <param name="DueBy">When it is due.</param>
/// <param name="Overdue">Whether it is past due and not submitted.</param>
/// <param name="Extensions">How its due date was extended.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="Narrative">The narrative report.</param>
/// <param name="SpentByCategory">What was spent, by cost category, in EUR.</param>
/// <param name="OwnShareSpent">The own money spent, in EUR.</param>
/// <param name="ThirdPartySpent">Third parties' money spent, in EUR.</param>
/// <param name="Receipts">The receipts listed.</param>
/// <param name="FirstCheck">The first check, once done.</param>
/// <param name="InDepthSampleId">The in-depth sample the proof was drawn into, if it was.</param>
/// <param name="InDepthCheck">The in-depth check, once done.</param>
public sealed record ProofRecord(
    string Proof, ProofKind Kind, DateOnly DueBy, bool Overdue, IReadOnlyList<DeadlineExtension> Extensions, DateTimeOffset? SubmittedAt,
    string? Narrative, IReadOnlyDictionary<string, decimal>? SpentByCategory, decimal? OwnShareSpent, decimal? ThirdPartySpent,
    IReadOnlyList<Receipt> Receipts, CheckRecord? FirstCheck, Guid? InDepthSampleId, CheckRecord? InDepthCheck);

/// <summary>A reclaim (Rückforderung) of part of the grant.</summary>
/// <param name="Amount">The amount revoked, in EUR.</param>
/// <param name="ApprovedAmountAfter">The approved amount after the reclaim, in EUR.</param>
/// <param name="RepaymentDue">What is to be paid back, in EUR (paid beyond the new approved amount).</param>
/// <param name="RepayBy">By when.</param>
/// <param name="Reason">Why.</param>
/// <param name="DemandedAt">When the reclaim was demanded.</param>
public sealed record ReclaimRecord(decimal Amount, decimal ApprovedAmountAfter, decimal RepaymentDue, DateOnly RepayBy, string Reason, DateTimeOffset DemandedAt);

/// <summary>Money paid back.</summary>
/// <param name="Amount">The amount, in EUR.</param>
/// <param name="BookedOn">The day it was booked.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record RepaymentRecord(decimal Amount, DateOnly BookedOn, DateTimeOffset RecordedAt);

/// <summary>The money side of an approved application: agreed rate, payments, proofs of use and their checks, reclaims.</summary>
/// <param name="FundingRate">The agreed funding rate: the approved amount's share of the eligible costs.</param>
/// <param name="RetainedFinalInstalment">The part of the grant kept back until the final proof of use is settled, in EUR.</param>
/// <param name="Paid">What was paid out, in EUR.</param>
/// <param name="Repaid">What was paid back, in EUR.</param>
/// <param name="Payments">The payment requests.</param>
/// <param name="ProofsOfUse">The proofs of use due and submitted.</param>
/// <param name="Reclaims">The reclaims.</param>
/// <param name="Repayments">The repayments.</param>
public sealed record FundingRecord(
    decimal FundingRate,
    decimal RetainedFinalInstalment,
    decimal Paid,
    decimal Repaid,
    IReadOnlyList<PaymentRecord> Payments,
    IReadOnlyList<ProofRecord> ProofsOfUse,
    IReadOnlyList<ReclaimRecord> Reclaims,
    IReadOnlyList<RepaymentRecord> Repayments)
{
    /// <summary>What is requested or checked but not yet paid, in EUR.</summary>
    public decimal Pending => Payments.Where(p => p.Status is PaymentRequestStatus.Requested or PaymentRequestStatus.Checked).Sum(p => p.Amount);

    /// <summary>What is still to be repaid of the reclaims.</summary>
    public decimal RepaymentDue => Reclaims.Sum(r => r.RepaymentDue) - Repaid;
}

/// <summary>Who at the funding authority works on the case.</summary>
/// <param name="Assignee">Their user id.</param>
/// <param name="AssigneeName">Their name.</param>
/// <param name="Since">Since when.</param>
/// <param name="AssignedBy">Who assigned the case to them (themselves, a colleague, or a team lead).</param>
/// <param name="Reason">Why, if a reason was given.</param>
public sealed record AssignmentRecord(string Assignee, string AssigneeName, DateTimeOffset Since, string AssignedBy, string? Reason);

/// <summary>
/// Everything about one funding application, as caseworkers and applicants see it: plan, documents, vote, proposals
/// and their outcome, the approved amount. Updated inline with every command.
/// </summary>
public sealed partial record ApplicationDetails
{
    /// <summary>The application's id.</summary>
    public Guid Id { get; init; }
    /// <summary>Its version: send it as <c>expectedVersion</c> with the next command on the application.</summary>
    public long Version { get; init; }
    /// <summary>Where the application stands.</summary>
    public ApplicationStatus Status { get; init; }
    /// <summary>The applicant organisation.</summary>
    public NamedReference Applicant { get; init; } = null!;
    /// <summary>The funding programme applied to.</summary>
    public NamedReference Programme { get; init; } = null!;
    /// <summary>The alliance of the project's region.</summary>
    public NamedReference Alliance { get; init; } = null!;
    /// <summary>The district the project takes place in.</summary>
    public string District { get; init; } = "";
    /// <summary>The project plan as it now stands.</summary>
    public ProjectPlan Plan { get; init; } = null!;
    /// <summary>The programme's rules the application was submitted under.</summary>
    public SubmissionTerms? Terms { get; init; }
    /// <summary>When it was drafted.</summary>
    public DateTimeOffset DraftedAt { get; init; }
    /// <summary>When it was submitted.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }
    /// <summary>The programme's call for applications it was submitted to; none when the programme runs no calls.</summary>
    public SubmittedToCall? Call { get; init; }
    /// <summary>When the caseworker found it complete.</summary>
    public DateTimeOffset? FormallyCompleteAt { get; init; }
    /// <summary>By when a decision is due.</summary>
    public DateTimeOffset? DecisionDueBy { get; init; }
    /// <summary>When a reminder was raised because the decision is overdue.</summary>
    public DateTimeOffset? DecisionReminderRaisedAt { get; init; }
    /// <summary>The caseworker's requests for documents and the answers.</summary>
    public IReadOnlyList<DocumentRequestRecord> DocumentRequests { get; init; } = [];
    /// <summary>The alliance's vote, once cast.</summary>
    public AllianceVoteRecord? AllianceVote { get; init; }
    /// <summary>The proposed decisions and what became of them.</summary>
    public IReadOnlyList<ProposalRecord> Proposals { get; init; } = [];
    /// <summary>The approved amount, in EUR, once approved.</summary>
    public decimal? ApprovedAmount { get; init; }
    /// <summary>The conditions of the approval.</summary>
    public IReadOnlyList<string> Conditions { get; init; } = [];
    /// <summary>When it was approved (the money committed).</summary>
    public DateTimeOffset? ApprovedAt { get; init; }
    /// <summary>After approval: payments, proofs of use, reclaims and repayments.</summary>
    public FundingRecord? Funding { get; init; }
    /// <summary>Why the case was closed.</summary>
    public string? ClosingReason { get; init; }
    /// <summary>When it was closed.</summary>
    public DateTimeOffset? ClosedAt { get; init; }
    /// <summary>When it last changed.</summary>
    public DateTimeOffset LastChangedAt { get; init; }
    /// <summary>Who at the funding authority works on the case; none while it is in the team's queue.</summary>
    public AssignmentRecord? Assignment { get; init; }
}
