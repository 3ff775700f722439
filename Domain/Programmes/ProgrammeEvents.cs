using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Programmes;

/// <summary>
/// Where a programme's money comes from, e.g. ESF+ 80 %, the district 20 %. Shares add up to 1; every euro committed, paid or
/// reclaimed counts against the sources by their shares (<see cref="SourceSplit"/>).
/// </summary>
/// <param name="Name">The source's name, e.g. ESF+ or the state.</param>
/// <param name="Share">Its share of the programme's money (0.8 = 80 %).</param>
/// <param name="Kind">What kind of money it is (EU fund, federal, state, district, municipal, third party); "other" when not said, as in programmes launched before it was asked.</param>
/// <param name="EuFundingPeriod">For EU funds, the EU funding period it belongs to (e.g. 2021-2027).</param>
public sealed record FundingSource(string Name, decimal Share, FundingSourceKind Kind = FundingSourceKind.Other, Period? EuFundingPeriod = null);

/// <summary>The rules of a funding programme, as data.</summary>
/// <param name="MaxFundingRate">Highest share of the eligible costs the programme pays (0.8 = 80 %); the applicant's own share is at least 1 minus this.</param>
/// <param name="MaxAmountPerApplication">Cap per application in EUR, if any.</param>
/// <param name="AllianceVoteRequired">Whether the alliance of the region must vote before a decision is proposed.</param>
/// <param name="DocumentDeadlineDays">Days an applicant has to supply requested documents before the application lapses.</param>
/// <param name="DeMinimis">Whether the aid counts towards the de-minimis ceiling of the undertaking.</param>
/// <param name="DecisionReminderDays">Days a decision may be pending after formal completeness before a reminder is raised.</param>
public sealed record ProgrammeRules(
    decimal MaxFundingRate,
    decimal? MaxAmountPerApplication,
    bool AllianceVoteRequired,
    int DocumentDeadlineDays,
    bool DeMinimis,
    int DecisionReminderDays);

public sealed record FundingProgrammeLaunched(
    Guid ProgrammeId,
    string Name,
    IReadOnlyList<FundingSource> Sources,
    Period FundingPeriod,
    decimal TotalBudget,
    ProgrammeRules Rules,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

public sealed record FundingProgrammeToppedUp(Guid ProgrammeId, decimal Amount, string Reason, string RecordedBy, DateTimeOffset RecordedAt) : IRecordedFact;

public sealed record FundingProgrammeCut(Guid ProgrammeId, decimal Amount, string Reason, string RecordedBy, DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>A planning figure for the applications of one alliance; exceeding it needs an explicit reason.</summary>
public sealed record AlliancePlanningBudgetSet(Guid ProgrammeId, Guid AllianceId, decimal Amount, string RecordedBy, DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>
/// Money reserved for an approved application. The programme is never committed beyond its budget, nor a call beyond its own;
/// <paramref name="CallNumber"/> is the call the application was submitted to, if any. The project's district is carried for
/// the budget per region (none in events recorded before it was). <paramref name="Raise"/>: an amendment raised the application's
/// existing commitment by <paramref name="Amount"/> (ADR 0121); it is no new commitment.
/// </summary>
public sealed record FundsCommitted(
    Guid ProgrammeId,
    Guid ApplicationId,
    Guid AllianceId,
    decimal Amount,
    decimal OwnContribution,
    string? PlanningExceedanceReason,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    int? CallNumber = null,
    string? District = null,
    bool Raise = false) : IRecordedFact;

/// <summary>
/// Money given back to the programme (withdrawal, reduced amount); <paramref name="RemainingCommitment"/> is what stays reserved.
/// The alliance and, when the whole commitment goes, the own contribution that no longer counts are carried along, so the
/// budget dashboard needs no copy of every commitment. So is the call the commitment counted against, if any.
/// </summary>
public sealed record FundsReleased(
    Guid ProgrammeId,
    Guid ApplicationId,
    decimal Amount,
    decimal RemainingCommitment,
    Guid AllianceId,
    decimal OwnContributionReleased,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    int? CallNumber = null,
    string? District = null) : IRecordedFact;

/// <summary>
/// The financing an application's commitment counts followed decision version <paramref name="DecisionVersion"/>, in force from
/// <paramref name="EffectiveFrom"/> (ADR 0131): the applicant's own contribution is now <paramref name="OwnContribution"/>
/// (<paramref name="OwnContributionChange"/> more than before, negative when less), on eligible costs of <paramref name="TotalCosts"/>
/// and <paramref name="ThirdPartyFunding"/> from third parties. Appended in the same transaction as the <c>DecisionAmended</c> it follows;
/// the money committed does not move (a raise is a <see cref="FundsCommitted"/>, a lower amount a <see cref="FundsReleased"/>).
/// The alliance, district and call are carried along, as in the other budget events.
/// </summary>
public sealed record CommitmentAdjusted(
    Guid ProgrammeId,
    Guid ApplicationId,
    Guid AllianceId,
    int DecisionVersion,
    DateOnly EffectiveFrom,
    decimal TotalCosts,
    decimal OwnContribution,
    decimal ThirdPartyFunding,
    decimal OwnContributionChange,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    int? CallNumber = null,
    string? District = null) : IRecordedFact;

/// <summary>The programme's funding authority and which alliances its applications may name were set (replacing earlier ones).</summary>
public sealed record ProgrammeEligibilitySet(
    Guid ProgrammeId,
    FundingAuthority Authority,
    AllianceEligibility Eligibility,
    string? Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>
/// A call for applications was opened: applications are submitted within its window; after it, <paramref name="Late"/> says whether
/// they are refused (a hard deadline, the default) or taken as late.
/// </summary>
public sealed record CallOpened(
    Guid ProgrammeId,
    int CallNumber,
    string Name,
    Period Window,
    decimal? Budget,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    LateSubmissions Late = LateSubmissions.Refused) : IRecordedFact;

/// <summary>A call's window was extended to a later last day.</summary>
public sealed record CallExtended(Guid ProgrammeId, int CallNumber, DateOnly NewLastDay, string Reason, string RecordedBy, DateTimeOffset RecordedAt)
    : IRecordedFact;

/// <summary>A call was closed before its window ended: from now on it takes no submissions.</summary>
public sealed record CallClosed(Guid ProgrammeId, int CallNumber, string Reason, string RecordedBy, DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>
/// The criteria the programme's reviewers score applications on, replacing earlier ones (none: applications get the alliance's
/// single vote only). Reviews already submitted keep the criteria and weights they were scored on. <paramref name="AllowsExternalExperts"/>:
/// caseworkers may also assign external experts, people outside the alliance (false in events recorded before there were experts).
/// </summary>
public sealed record ReviewCriteriaSet(
    Guid ProgrammeId, IReadOnlyList<ReviewCriterion> Criteria, string RecordedBy, DateTimeOffset RecordedAt, bool AllowsExternalExperts = false)
    : IRecordedFact;

/// <summary>
/// A new version of the programme's application form was published: the extra fields applications drafted from now on ask for.
/// Earlier versions stay with the applications drafted on them.
/// </summary>
public sealed record ApplicationFormPublished(Guid ProgrammeId, int Version, IReadOnlyList<FormField> Fields, string RecordedBy, DateTimeOffset RecordedAt)
    : IRecordedFact;
