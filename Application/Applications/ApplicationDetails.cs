using Fachwerk.Domain.Applications;

namespace Fachwerk.Application.Applications;

public sealed record NamedReference(Guid Id, string Name);

public sealed record DocumentRequestRecord(
    int Number, IReadOnlyList<string> Documents, DateTimeOffset RequestedAt, DateTimeOffset DueBy,
    IReadOnlyList<string>? SuppliedReferences, DateTimeOffset? SuppliedAt);

public sealed record AllianceVoteRecord(
    Guid OnBehalfOf, bool Recommends, string Reasons, IReadOnlyDictionary<string, int> Scores, long BasedOnVersion, string CastBy,
    DateTimeOffset CastAt);

public enum ProposalOutcome
{
    Pending,
    Confirmed,
    Returned,
    Blocked,
}

public sealed record ProposalRecord(
    int Number, DecisionKind Decision, decimal? Amount, IReadOnlyList<string> Conditions, string? RejectionReason,
    string? PlanningExceedanceReason, long BasedOnVersion, string ProposedBy, DateTimeOffset ProposedAt,
    ProposalOutcome Outcome, string? DecidedBy, DateTimeOffset? DecidedAt, string? OutcomeReason);

public sealed record PaymentRecord(
    int Number, decimal Amount, DateOnly NeededBy, decimal OwnAndThirdPartySpent, PaymentRequestStatus Status, DateTimeOffset RequestedAt,
    string? CheckedBy, string? ReleasedBy, DateOnly? BookedOn, string? RefusalReason);

public sealed record DeadlineExtension(DateOnly From, DateOnly To, string Reason, string ExtendedBy);

public sealed record CheckRecord(DateTimeOffset CheckedAt, string CheckedBy, IReadOnlyList<Finding> Findings);

public sealed record ProofRecord(
    string Proof, ProofKind Kind, DateOnly DueBy, bool Overdue, IReadOnlyList<DeadlineExtension> Extensions, DateTimeOffset? SubmittedAt,
    string? Narrative, IReadOnlyDictionary<string, decimal>? SpentByCategory, decimal? OwnShareSpent, decimal? ThirdPartySpent,
    IReadOnlyList<Receipt> Receipts, CheckRecord? FirstCheck, Guid? InDepthSampleId, CheckRecord? InDepthCheck);

public sealed record ReclaimRecord(decimal Amount, decimal ApprovedAmountAfter, decimal RepaymentDue, DateOnly RepayBy, string Reason, DateTimeOffset DemandedAt);

public sealed record RepaymentRecord(decimal Amount, DateOnly BookedOn, DateTimeOffset RecordedAt);

/// <summary>The money side of an approved application: agreed rate, payments, proofs of use and their checks, reclaims.</summary>
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
    public decimal Pending => Payments.Where(p => p.Status is PaymentRequestStatus.Requested or PaymentRequestStatus.Checked).Sum(p => p.Amount);

    /// <summary>What is still to be repaid of the reclaims.</summary>
    public decimal RepaymentDue => Reclaims.Sum(r => r.RepaymentDue) - Repaid;
}

/// <summary>
/// Everything about one funding application, as caseworkers and applicants see it: plan, documents, vote, proposals
/// and their outcome, the approved amount. Updated inline with every command.
/// </summary>
public sealed record ApplicationDetails
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public ApplicationStatus Status { get; init; }
    public NamedReference Applicant { get; init; } = null!;
    public NamedReference Programme { get; init; } = null!;
    public NamedReference Alliance { get; init; } = null!;
    public string District { get; init; } = "";
    public ProjectPlan Plan { get; init; } = null!;
    public SubmissionTerms? Terms { get; init; }
    public DateTimeOffset DraftedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? FormallyCompleteAt { get; init; }
    public DateTimeOffset? DecisionDueBy { get; init; }
    public DateTimeOffset? DecisionReminderRaisedAt { get; init; }
    public IReadOnlyList<DocumentRequestRecord> DocumentRequests { get; init; } = [];
    public AllianceVoteRecord? AllianceVote { get; init; }
    public IReadOnlyList<ProposalRecord> Proposals { get; init; } = [];
    public decimal? ApprovedAmount { get; init; }
    public IReadOnlyList<string> Conditions { get; init; } = [];
    public DateTimeOffset? ApprovedAt { get; init; }
    public FundingRecord? Funding { get; init; }
    public string? ClosingReason { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset LastChangedAt { get; init; }
}
