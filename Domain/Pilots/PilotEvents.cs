using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Pilots;

/// <summary>What a pilot project offers (the Magdeburg relocation service, DOMAIN.md "Pilot project").</summary>
public enum PilotService
{
    HousingSearch,
    VisitsToAuthorities,
    RecognitionOfQualifications,
    LanguageCourse,
    Childcare,
    School,
    ChurchAndClubs,
    Culture,

    /// <summary>For companies, not for participants: held with <see cref="PilotInterculturalTrainingHeld"/>.</summary>
    InterculturalTraining,
}

/// <summary>
/// Who pays for the pilot; the amount (EUR) is optional because it is often not public. A source may have rules of its own
/// (ADR 0124): EU money pays only what is spent within its EU funding period, and a source may pay only some cost categories.
/// </summary>
/// <param name="Name">The source's name, e.g. ESF+ or a ministry.</param>
/// <param name="Kind">What kind of money it is.</param>
/// <param name="Amount">How much it contributes, in EUR, where that is public; spending against it never exceeds it.</param>
/// <param name="EuFundingPeriod">For EU funds (ESF+, ERDF), the EU funding period: it pays only what is spent within it.</param>
/// <param name="CostCategories">The cost categories it pays; null or empty: all.</param>
public sealed record FundingSource(
    string Name, FundingSourceKind Kind, decimal? Amount, Period? EuFundingPeriod = null, IReadOnlyList<PilotCostCategory>? CostCategories = null)
{
    /// <summary>Whether the source pays for <paramref name="category"/>.</summary>
    public bool Pays(PilotCostCategory category) => CostCategories is not { Count: > 0 } categories || categories.Contains(category);

    /// <summary>Whether the source pays what is spent on <paramref name="day"/>: EU money only within its EU funding period.</summary>
    public bool FinancesOn(DateOnly day) => EuFundingPeriod is not { } period || period.Contains(day);

    /// <summary>Whether this is EU money (ESF+, ERDF), which is bound to an EU funding period.</summary>
    public bool IsEuFunds() => Kind is FundingSourceKind.EuropeanSocialFund or FundingSourceKind.EuropeanRegionalDevelopmentFund;
}

public enum ParticipantKind
{
    SkilledWorker,

    /// <summary>An intern from abroad, for a limited period (see <see cref="PilotDecider.MaxInternshipMonths"/>).</summary>
    Intern,
}

/// <summary>Whether a pilot project goes on after its pilot phase.</summary>
public enum ContinuationDecision
{
    Continue,
    End,
}

/// <summary>The grounds for erasure of GDPR Art. 17(1), letters (a) to (f).</summary>
public enum ErasureGround
{
    /// <summary>Art. 17(1)(a): no longer necessary for the purposes they were collected for.</summary>
    NoLongerNecessary,

    /// <summary>Art. 17(1)(b): the person withdrew consent.</summary>
    ConsentWithdrawn,

    /// <summary>Art. 17(1)(c): the person objected (Art. 21).</summary>
    Objection,

    /// <summary>Art. 17(1)(d): processed unlawfully.</summary>
    UnlawfullyProcessed,

    /// <summary>Art. 17(1)(e): erasure required by a legal obligation.</summary>
    LegalObligation,

    /// <summary>Art. 17(1)(f): collected from a child for information society services.</summary>
    ChildInformationSociety,
}

/// <summary>An event about one participant of a pilot (each participant's read model is built from these).</summary>
public interface IParticipantFact
{
    Guid PilotId { get; }
    Guid ParticipantId { get; }
}

public sealed record PilotLaunched(
    Guid PilotId,
    string Name,
    string Sponsor,
    Period PilotPhase,
    IReadOnlyList<FundingSource> FundingSources,
    IReadOnlyList<PilotService> OfferedServices,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>A partner at home or abroad (country as ISO 3166-1 alpha-2 code) joined the pilot in a role.</summary>
public sealed record PilotPartnerJoined(
    Guid PilotId,
    Guid PartnerId,
    string Name,
    string Country,
    string Role,
    DateOnly JoinedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>The pilot now offers exactly these services (replaces the previous offer).</summary>
public sealed record PilotServicesOffered(
    Guid PilotId,
    IReadOnlyList<PilotService> Services,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

public sealed record PilotPhaseExtended(
    Guid PilotId,
    DateOnly PreviousEnd,
    DateOnly NewEnd,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>A company with a need for skilled workers enrolled in the pilot.</summary>
public sealed record PilotCompanyEnrolled(
    Guid PilotId,
    Guid CompanyId,
    string Name,
    string Town,
    int SkilledWorkersNeeded,
    IReadOnlyList<string> Occupations,
    DateOnly EnrolledOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>
/// A person enrolled as participant. Name, birth date, nationality and contact are in <paramref name="PersonalData"/>,
/// sealed with the participant's own key; everything else here is needed for the pilot's statistics and audits.
/// </summary>
public sealed record PilotParticipantEnrolled(
    Guid PilotId,
    Guid ParticipantId,
    ParticipantKind Kind,
    DateOnly EnrolledOn,
    DateOnly? InternshipEndsOn,
    SealedPersonalData PersonalData,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact, IParticipantFact;

/// <summary>The participant's personal data were corrected (GDPR Art. 16); sealed with the same key.</summary>
public sealed record PilotParticipantDataCorrected(
    Guid PilotId,
    Guid ParticipantId,
    SealedPersonalData PersonalData,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact, IParticipantFact;

public sealed record PilotParticipantReferred(
    Guid PilotId,
    Guid ParticipantId,
    Guid CompanyId,
    string CompanyName,
    DateOnly ReferredOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact, IParticipantFact;

public sealed record PilotParticipantPlaced(
    Guid PilotId,
    Guid ParticipantId,
    Guid CompanyId,
    string CompanyName,
    DateOnly PlacedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact, IParticipantFact;

public sealed record PilotServiceDelivered(
    Guid PilotId,
    Guid ParticipantId,
    PilotService Service,
    DateOnly DeliveredOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact, IParticipantFact;

public sealed record PilotInterculturalTrainingHeld(
    Guid PilotId,
    Guid TrainingId,
    IReadOnlyList<Guid> CompanyIds,
    DateOnly HeldOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>The pilot phase is over: the continuation is to be decided. Recorded by the system (a scheduled message).</summary>
public sealed record PilotEvaluationDue(
    Guid PilotId,
    DateOnly PhaseEndedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>
/// The continuation was decided, with reasons; <paramref name="Assessment"/> is the demand indicator as the decider
/// saw it, so an auditor can replay what was known.
/// </summary>
public sealed record PilotContinuationDecided(
    Guid PilotId,
    ContinuationDecision Decision,
    IReadOnlyList<string> Reasons,
    DateOnly DecidedOn,
    DateOnly? ContinuedUntil,
    DemandAssessment Assessment,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>
/// The pilot spent money, attributed to one of its funding sources (ADR 0124): within the source's amount, its EU funding period
/// and the cost categories it pays.
/// </summary>
public sealed record PilotSpendingRecorded(
    Guid PilotId,
    Guid SpendingId,
    string Source,
    PilotCostCategory Category,
    decimal Amount,
    DateOnly SpentOn,
    string? Note,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>
/// A recorded spending was corrected (ADR 0127): these are its values from now on, the recorded event stays as it was. The corrected
/// spending keeps to the same rules as a new one; <paramref name="Reason"/> says why it was wrong.
/// </summary>
public sealed record PilotSpendingCorrected(
    Guid PilotId,
    Guid SpendingId,
    string Source,
    PilotCostCategory Category,
    decimal Amount,
    DateOnly SpentOn,
    string? Note,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>A recorded spending was cancelled (ADR 0127): it counts against no source any more and is not corrected after.</summary>
public sealed record PilotSpendingCancelled(
    Guid PilotId,
    Guid SpendingId,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>The pilot's records are needed (e.g. for funding audits) until a date: no personal data are erased before.</summary>
public sealed record PilotLegalHoldPlaced(
    Guid PilotId,
    DateOnly HeldUntil,
    string LegalBasis,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

public sealed record PilotLegalHoldLifted(
    Guid PilotId,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>
/// A participant's personal data were erased on request (GDPR Art. 17): the key that sealed them was destroyed in the
/// same transaction. Who (RecordedBy), when (RecordedAt) and on which ground stay in the history.
/// </summary>
public sealed record PilotParticipantDataErased(
    Guid PilotId,
    Guid ParticipantId,
    ErasureGround LegalBasis,
    DateOnly RequestedOn,
    string? RequestReference,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact, IParticipantFact;
