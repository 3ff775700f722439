using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Applications;

// What happens to an approved application until it is closed: payment requests (Mittelabruf), proofs of use
// (Verwendungsnachweise) and their checks, reclaims (Rückforderung) and closure.

/// <summary>
/// The recipient asks for money needed by <paramref name="NeededBy"/> (at most two months ahead), declaring the own and
/// third-party money spent on the project so far (cumulative), which the proportional draw is checked against.
/// </summary>
public sealed record PaymentRequested(
    Guid ApplicationId,
    int RequestNumber,
    decimal Amount,
    DateOnly NeededBy,
    decimal OwnAndThirdPartySpent,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IApplicationEvent;

/// <summary>A caseworker checked the request and found it payable.</summary>
public sealed record PaymentRequestChecked(Guid ApplicationId, int RequestNumber, string RecordedBy, DateTimeOffset RecordedAt) : IApplicationEvent;

public sealed record PaymentRequestRefused(Guid ApplicationId, int RequestNumber, string Reason, string RecordedBy, DateTimeOffset RecordedAt)
    : IApplicationEvent;

/// <summary>The payment is released for booking on <paramref name="BookedOn"/>; counts against the programme's commitment.</summary>
/// <param name="AllianceId">The alliance of the project's region, so the budget counts the payment per region; none in events recorded before it was carried.</param>
/// <param name="District">The project's district, likewise.</param>
public sealed record PaymentReleased(
    Guid ApplicationId,
    Guid ProgrammeId,
    int RequestNumber,
    decimal Amount,
    DateOnly BookedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    Guid? AllianceId = null,
    string? District = null) : IApplicationEvent;

/// <summary>A receipt listed in a proof of use: a reference into the document store, its date, amount and cost category.</summary>
/// <param name="Reference">Where the receipt is kept: a reference into the document store.</param>
/// <param name="Date">The receipt's date.</param>
/// <param name="Amount">Its amount, in EUR.</param>
/// <param name="Category">The cost category it belongs to.</param>
public sealed record Receipt(string Reference, DateOnly Date, decimal Amount, string Category);

public sealed record ProofOfUseSubmitted(
    Guid ApplicationId,
    string Proof,
    ProofKind Kind,
    string Narrative,
    IReadOnlyDictionary<string, decimal> SpentByCategory,
    decimal OwnShareSpent,
    decimal ThirdPartySpent,
    IReadOnlyList<Receipt> Receipts,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IApplicationEvent;

public sealed record ProofOfUseDeadlineExtended(
    Guid ApplicationId,
    string Proof,
    DateOnly PreviousDueBy,
    DateOnly DueBy,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IApplicationEvent;

/// <summary>The proof was not submitted by its due date; the reminder shows on the inbox and the overdue list.</summary>
public sealed record ProofOfUseOverdue(Guid ApplicationId, string Proof, DateOnly DueBy, string RecordedBy, DateTimeOffset RecordedAt)
    : IApplicationEvent;

/// <summary>Something a check found wrong, with the amount it concerns where there is one.</summary>
/// <param name="Description">What is wrong.</param>
/// <param name="AmountConcerned">The amount it concerns, in EUR, if any.</param>
public sealed record Finding(string Description, decimal? AmountConcerned);

/// <summary>The first check (completeness, plausibility), due within three months of receipt.</summary>
public sealed record ProofOfUseFirstCheckCompleted(
    Guid ApplicationId, string Proof, IReadOnlyList<Finding> Findings, string RecordedBy, DateTimeOffset RecordedAt) : IApplicationEvent;

/// <summary>The proof was drawn into the risk-based sample <paramref name="SampleId"/> for an in-depth check.</summary>
public sealed record ProofOfUseSelectedForInDepthCheck(
    Guid ApplicationId, string Proof, Guid SampleId, string RecordedBy, DateTimeOffset RecordedAt) : IApplicationEvent;

public sealed record ProofOfUseInDepthCheckCompleted(
    Guid ApplicationId, string Proof, IReadOnlyList<Finding> Findings, string RecordedBy, DateTimeOffset RecordedAt) : IApplicationEvent;

/// <summary>
/// Part or all of the grant is revoked: the approved amount falls by <paramref name="Amount"/>, the commitment with it, and
/// what was paid beyond the new amount (<paramref name="RepaymentDue"/>) is to be paid back by <paramref name="RepayBy"/>.
/// The alliance and district of the project's region are carried for the budget per region (none in older events).
/// </summary>
public sealed record ReclaimDemanded(
    Guid ApplicationId,
    Guid ProgrammeId,
    decimal Amount,
    decimal ApprovedAmount,
    decimal RepaymentDue,
    DateOnly RepayBy,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    Guid? AllianceId = null,
    string? District = null) : IApplicationEvent;

/// <summary>Money paid back; the alliance and district of the project's region are carried for the budget per region (none in older events).</summary>
public sealed record RepaymentReceived(
    Guid ApplicationId, Guid ProgrammeId, decimal Amount, DateOnly BookedOn, string RecordedBy, DateTimeOffset RecordedAt,
    Guid? AllianceId = null, string? District = null) : IApplicationEvent;

/// <summary>
/// The case is closed: the final proof passed its checks (or a reclaim was settled). The approved amount becomes what was
/// paid; the remainder of the commitment (<paramref name="Unpaid"/>) goes back to the programme.
/// </summary>
public sealed record ApplicationClosed(
    Guid ApplicationId, Guid ProgrammeId, decimal Paid, decimal Unpaid, string RecordedBy, DateTimeOffset RecordedAt) : IApplicationEvent;
