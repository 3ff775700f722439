using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Applications;

// A change notice (Änderungsbescheid) to an approved grant: proposed by a caseworker, confirmed or returned by a second person
// (four-eyes); a confirmed one is a new version of the decision from its effective date (ADR 0121).

/// <summary>The financing of the project as the amended decision sees it: eligible costs, own contribution, third-party money.</summary>
/// <param name="TotalCosts">The eligible costs, in EUR.</param>
/// <param name="OwnContribution">The applicant's own contribution, in EUR.</param>
/// <param name="ThirdPartyFunding">Money from third parties, in EUR.</param>
public sealed record CostPlan(decimal TotalCosts, decimal OwnContribution, decimal ThirdPartyFunding);

/// <summary>A proof of use's new due date.</summary>
/// <param name="Proof">Which proof of use (e.g. <c>final</c>, <c>interim-2026</c>).</param>
/// <param name="DueBy">Its new due date.</param>
public sealed record ProofDueDate(string Proof, DateOnly DueBy);

/// <summary>What an amendment changes; what it leaves out (null) stays as the decision has it.</summary>
/// <param name="Amount">The new approved amount, in EUR (a raise is committed through the programme's budget).</param>
/// <param name="ProjectEnd">The new last day of the project.</param>
/// <param name="ProofDueDates">New due dates of proofs of use not yet submitted.</param>
/// <param name="Conditions">The conditions (Nebenbestimmungen) replacing the decision's.</param>
/// <param name="CostPlan">The new financing of the project; required when the amount changes.</param>
/// <param name="PlanningExceedanceReason">Why a raise may take the alliance beyond its planning figure; required if it does.</param>
/// <param name="NewObligations">Obligations (Auflagen) the amended decision newly imposes, numbered after the grant's when in force (ADR 0129).</param>
/// <param name="ChangedObligations">Obligations of the grant whose terms the amended decision replaces, by number.</param>
/// <param name="LiftedObligations">The numbers of obligations the amended decision lifts.</param>
public sealed record AmendmentTerms(
    decimal? Amount = null,
    DateOnly? ProjectEnd = null,
    IReadOnlyList<ProofDueDate>? ProofDueDates = null,
    IReadOnlyList<string>? Conditions = null,
    CostPlan? CostPlan = null,
    string? PlanningExceedanceReason = null,
    IReadOnlyList<ObligationTerms>? NewObligations = null,
    IReadOnlyList<ObligationChange>? ChangedObligations = null,
    IReadOnlyList<int>? LiftedObligations = null);

/// <summary>What kind of change an amendment makes.</summary>
public enum AmendmentChange
{
    Amount,
    ProjectEnd,
    ProofDueDates,
    Conditions,
    CostPlan,

    /// <summary>Obligations added, changed or lifted (ADR 0129).</summary>
    Obligations,
}

/// <summary>A caseworker proposes amendment <paramref name="AmendmentNumber"/> to the approved decision, in force from <paramref name="EffectiveFrom"/>.</summary>
public sealed record AmendmentProposed(
    Guid ApplicationId,
    int AmendmentNumber,
    AmendmentTerms Terms,
    IReadOnlyList<AmendmentChange> Changes,
    string Reason,
    DateOnly EffectiveFrom,
    long BasedOnVersion,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IApplicationEvent;

/// <summary>
/// A second person confirmed the amendment. One that raises the amount waits for the budget workflow to commit the extra money
/// (<paramref name="Raise"/>); any other becomes the new decision version in the same command.
/// </summary>
public sealed record AmendmentConfirmed(
    Guid ApplicationId, int AmendmentNumber, decimal Raise, string ProposedBy, string RecordedBy, DateTimeOffset RecordedAt) : IApplicationEvent;

/// <summary>The second person sent the amendment back, with the reason; the decision stays as it was.</summary>
public sealed record AmendmentReturned(Guid ApplicationId, int AmendmentNumber, string Reason, string RecordedBy, DateTimeOffset RecordedAt)
    : IApplicationEvent;

/// <summary>The confirmed raise could not be funded (the programme or call has too little left, the de-minimis ceiling); nothing was committed.</summary>
public sealed record AmendmentBlocked(Guid ApplicationId, int AmendmentNumber, string Code, string Reason, string RecordedBy, DateTimeOffset RecordedAt)
    : IApplicationEvent;

/// <summary>
/// The decision in its new version <paramref name="Version"/> (the approval is version 1), in force from <paramref name="EffectiveFrom"/>:
/// the whole decision as amended, what changed, and who proposed and confirmed it. A raise is appended in the same transaction as the
/// programme's <c>FundsCommitted</c>; a lower amount is released back to the programme by the budget workflow.
/// </summary>
public sealed record DecisionAmended(
    Guid ApplicationId,
    Guid ProgrammeId,
    int AmendmentNumber,
    int Version,
    DateOnly EffectiveFrom,
    decimal PreviousAmount,
    decimal Amount,
    DateOnly ProjectEnd,
    IReadOnlyList<string> Conditions,
    CostPlan CostPlan,
    decimal FundingRate,
    IReadOnlyList<ProofOfUseDue> ProofsOfUse,
    IReadOnlyList<AmendmentChange> Changes,
    string Reason,
    string ProposedBy,
    string ConfirmedBy,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IApplicationEvent;
