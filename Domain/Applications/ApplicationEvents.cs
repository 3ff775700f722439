using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Applications;

/// <summary>
/// What the applicant plans: the project and its financing. The financing plan balances:
/// requested funding + own contribution + third-party funding = total eligible costs.
/// </summary>
/// <param name="Title">The project's title.</param>
/// <param name="Description">What the project does, for whom, and how.</param>
/// <param name="Duration">When the project runs.</param>
/// <param name="TotalCosts">The total eligible costs, in EUR.</param>
/// <param name="RequestedAmount">The funding requested, in EUR.</param>
/// <param name="OwnContribution">The applicant's own money, in EUR.</param>
/// <param name="ThirdPartyFunding">Money from third parties, in EUR.</param>
/// <param name="TargetGroups">The groups the project is for.</param>
/// <param name="PlannedParticipants">How many people the project plans to reach.</param>
public sealed record ProjectPlan(
    string Title,
    string Description,
    Period Duration,
    decimal TotalCosts,
    decimal RequestedAmount,
    decimal OwnContribution,
    decimal ThirdPartyFunding,
    IReadOnlyList<TargetGroup> TargetGroups,
    int PlannedParticipants);

/// <summary>The programme rules an application was submitted under; later decisions follow them.</summary>
/// <param name="AllianceVoteRequired">Whether the alliance must vote before a decision is proposed.</param>
/// <param name="DocumentDeadlineDays">Days the applicant has to supply requested documents.</param>
/// <param name="DecisionReminderDays">Days a decision may be pending after formal completeness before a reminder is
/// raised.</param>
/// <param name="DeMinimis">Whether the aid counts towards the applicant's de-minimis ceiling.</param>
public sealed record SubmissionTerms(bool AllianceVoteRequired, int DocumentDeadlineDays, int DecisionReminderDays, bool DeMinimis = false);

/// <summary>Approve or reject an application.</summary>
public enum DecisionKind
{
    Approve,
    Reject,
}

/// <summary>Every event of a funding application names it, so projections across applications can group them.</summary>
public interface IApplicationEvent : IRecordedFact
{
    Guid ApplicationId { get; }
}

public sealed record ApplicationDrafted(
    Guid ApplicationId,
    Guid ApplicantId,
    string ApplicantName,
    Guid ProgrammeId,
    string ProgrammeName,
    Guid AllianceId,
    string AllianceName,
    string District,
    ProjectPlan Plan,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    ApplicationExtra? Extra = null) : IApplicationEvent;

public sealed record ApplicationAmended(Guid ApplicationId, ProjectPlan Plan, string RecordedBy, DateTimeOffset RecordedAt) : IApplicationEvent;

/// <summary>The applicant submitted the application; to the programme's <paramref name="Call"/> when the programme runs calls.</summary>
public sealed record ApplicationSubmitted(Guid ApplicationId, SubmissionTerms Terms, string RecordedBy, DateTimeOffset RecordedAt, SubmittedToCall? Call = null)
    : IApplicationEvent;

/// <summary>The call for applications a submission belongs to.</summary>
/// <param name="Number">The call's number within its programme.</param>
/// <param name="Name">The call's name.</param>
/// <param name="DaysLate">Days after the call's last day (German calendar days) when the call takes late submissions; 0 when in time.</param>
public sealed record SubmittedToCall(int Number, string Name, int DaysLate = 0)
{
    /// <summary>Whether it was submitted after the call's last day.</summary>
    public bool Late => DaysLate > 0;
}

/// <summary>The caseworker asked for missing documents; the application lapses when they are not supplied by <paramref name="DueBy"/>.</summary>
public sealed record DocumentsRequested(
    Guid ApplicationId,
    int RequestNumber,
    IReadOnlyList<string> Documents,
    DateTimeOffset DueBy,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IApplicationEvent;

public sealed record DocumentsSupplied(
    Guid ApplicationId,
    int RequestNumber,
    IReadOnlyList<string> DocumentReferences,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IApplicationEvent;

public sealed record ApplicationLapsed(Guid ApplicationId, int RequestNumber, DateTimeOffset DueBy, string RecordedBy, DateTimeOffset RecordedAt)
    : IApplicationEvent;

/// <summary>The application is complete; a decision is due by <paramref name="DecisionDueBy"/> (then a reminder is raised).</summary>
public sealed record ApplicationFormallyCompleted(Guid ApplicationId, DateTimeOffset DecisionDueBy, string RecordedBy, DateTimeOffset RecordedAt)
    : IApplicationEvent;

/// <summary>The alliance's vote (Votum), cast on behalf of one of its member organisations, on the application as of <paramref name="BasedOnVersion"/>.</summary>
/// <param name="DeclaredNoConflictOfInterest">The reviewer declared that neither they nor the member organisation has an interest in
/// the project (recorded since the reviewers' screens; false on votes cast before).</param>
public sealed record AllianceVoteCast(
    Guid ApplicationId,
    Guid AllianceId,
    Guid CastOnBehalfOf,
    bool Recommends,
    string Reasons,
    IReadOnlyDictionary<string, int> Scores,
    long BasedOnVersion,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    bool DeclaredNoConflictOfInterest = false) : IApplicationEvent;

/// <summary>
/// A proposed decision. An approval may retain a final instalment until the final proof of use is checked, and may set the
/// due dates of interim proofs of use (by default 30 April after each calendar year of the project), and the grant's obligations, imposed
/// as proposed once the approval is in force (ADR 0126).
/// </summary>
public sealed record DecisionProposed(
    Guid ApplicationId,
    int ProposalNumber,
    DecisionKind Kind,
    decimal? Amount,
    IReadOnlyList<string> Conditions,
    string? Reason,
    string? PlanningExceedanceReason,
    long BasedOnVersion,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    decimal RetainedFinalInstalment = 0,
    IReadOnlyList<DateOnly>? InterimProofDueDates = null,
    IReadOnlyList<ObligationTerms>? Obligations = null) : IApplicationEvent;

/// <summary>The second person sent the proposal back; the caseworker proposes again.</summary>
public sealed record DecisionReturned(Guid ApplicationId, int ProposalNumber, string Reason, string RecordedBy, DateTimeOffset RecordedAt)
    : IApplicationEvent;

/// <summary>A second person (not the proposer) confirmed the proposal (four-eyes principle).</summary>
public sealed record DecisionConfirmed(
    Guid ApplicationId,
    int ProposalNumber,
    DecisionKind Kind,
    decimal? Amount,
    string ProposedBy,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IApplicationEvent;

public sealed record ApplicationRejected(Guid ApplicationId, string Reason, string RecordedBy, DateTimeOffset RecordedAt) : IApplicationEvent;

/// <summary>
/// Funds are committed: the notice can go out. Appended in the same transaction as the programme's FundsCommitted.
/// It fixes the agreed funding rate (approved amount of the eligible costs), the instalment retained until the final proof
/// of use is checked, and the proofs of use due.
/// </summary>
public sealed record ApplicationApproved(
    Guid ApplicationId,
    Guid ProgrammeId,
    decimal Amount,
    IReadOnlyList<string> Conditions,
    decimal FundingRate,
    decimal RetainedFinalInstalment,
    IReadOnlyList<ProofOfUseDue> ProofsOfUse,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IApplicationEvent;

/// <summary>An interim proof of use (after each calendar year) or the final one (after the project).</summary>
public enum ProofKind
{
    Interim,
    Final,
}

/// <summary>A proof of use (Verwendungsnachweis) the recipient owes: <paramref name="Proof"/> names it, e.g. "interim-2026" or "final".</summary>
public sealed record ProofOfUseDue(string Proof, ProofKind Kind, DateOnly DueBy);

/// <summary>The confirmed approval could not be funded; nothing was committed.</summary>
public sealed record ApprovalBlocked(Guid ApplicationId, int ProposalNumber, string Code, string Reason, string RecordedBy, DateTimeOffset RecordedAt)
    : IApplicationEvent;

public sealed record ApprovedAmountReduced(
    Guid ApplicationId,
    decimal PreviousAmount,
    decimal Amount,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IApplicationEvent;

public sealed record ApplicationWithdrawn(
    Guid ApplicationId,
    ApplicationStatus WithdrawnFrom,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IApplicationEvent;

/// <summary>The decision has been pending longer than the programme allows; shows on the caseworker inbox.</summary>
public sealed record DecisionReminderRaised(Guid ApplicationId, DateTimeOffset DecisionDueBy, string RecordedBy, DateTimeOffset RecordedAt)
    : IApplicationEvent;
