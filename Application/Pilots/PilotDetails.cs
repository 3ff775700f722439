using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;

namespace Fachwerk.Application.Pilots;

/// <summary>A partner of a pilot project.</summary>
/// <param name="Id">The partner's id in the pilot.</param>
/// <param name="Name">Its name.</param>
/// <param name="Country">Its country (ISO 3166-1 alpha-2).</param>
/// <param name="Role">What it does in the pilot.</param>
/// <param name="JoinedOn">The day it joined.</param>
/// <param name="Abroad">Whether it is outside Germany.</param>
public sealed record PilotPartnerRecord(Guid Id, string Name, string Country, string Role, DateOnly JoinedOn, bool Abroad);

/// <summary>A company enrolled in a pilot project.</summary>
/// <param name="Id">The company's id in the pilot.</param>
/// <param name="Name">Its name.</param>
/// <param name="Town">Where it needs skilled workers.</param>
/// <param name="SkilledWorkersNeeded">How many skilled workers it needs.</param>
/// <param name="Occupations">The occupations it needs them for.</param>
/// <param name="EnrolledOn">The day it enrolled.</param>
/// <param name="Referrals">How many participants were referred to it.</param>
/// <param name="Placements">How many participants it took on.</param>
/// <param name="InterculturalTrainings">How many intercultural trainings it took part in.</param>
public sealed record PilotCompanyRecord(
    Guid Id,
    string Name,
    string Town,
    int SkilledWorkersNeeded,
    IReadOnlyList<string> Occupations,
    DateOnly EnrolledOn,
    int Referrals,
    int Placements,
    int InterculturalTrainings);

/// <summary>An intercultural training held for companies.</summary>
/// <param name="Id">The training's id in the pilot.</param>
/// <param name="HeldOn">The day it was held.</param>
/// <param name="CompanyIds">The companies that took part.</param>
public sealed record PilotTrainingRecord(Guid Id, DateOnly HeldOn, IReadOnlyList<Guid> CompanyIds);

/// <summary>An extension of the pilot phase.</summary>
/// <param name="PreviousEnd">The last day before the extension.</param>
/// <param name="NewEnd">The new last day.</param>
/// <param name="Reason">Why the phase was extended.</param>
public sealed record PilotPhaseExtensionRecord(DateOnly PreviousEnd, DateOnly NewEnd, string Reason);

/// <summary>A legal hold on a pilot's records: until then, personal data are not erased.</summary>
/// <param name="HeldUntil">The last day of the hold.</param>
/// <param name="LegalBasis">Why the records must be kept.</param>
/// <param name="PlacedBy">Who placed it.</param>
/// <param name="PlacedAt">When it was placed.</param>
public sealed record PilotLegalHoldRecord(DateOnly HeldUntil, string LegalBasis, string PlacedBy, DateTimeOffset PlacedAt);

/// <summary>The decision whether the pilot goes on after its phase.</summary>
/// <param name="Decision">Continue or end.</param>
/// <param name="Reasons">The reasons given.</param>
/// <param name="DecidedOn">The day of the decision.</param>
/// <param name="ContinuedUntil">Until when it continues.</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="Assessment">The demand indicator as it stood when the decision was taken.</param>
public sealed record PilotContinuationRecord(
    ContinuationDecision Decision,
    IReadOnlyList<string> Reasons,
    DateOnly DecidedOn,
    DateOnly? ContinuedUntil,
    string DecidedBy,
    DemandAssessment Assessment);

/// <summary>One funding source of a pilot with what was spent against it (ADR 0124).</summary>
/// <param name="Name">The source's name.</param>
/// <param name="Kind">What kind of money it is.</param>
/// <param name="EuFundingPeriod">For EU money, the EU funding period it pays within.</param>
/// <param name="CostCategories">The cost categories it pays; empty: all.</param>
/// <param name="Budget">What it contributes, in EUR, where that is public.</param>
/// <param name="Spent">What was spent against it, in EUR.</param>
/// <param name="Remaining">What is left of it, in EUR (when its amount is known).</param>
public sealed record PilotSourceFunds(
    string Name, FundingSourceKind Kind, Period? EuFundingPeriod, IReadOnlyList<PilotCostCategory> CostCategories, decimal? Budget, decimal Spent,
    decimal? Remaining)
{
    public static PilotSourceFunds Of(FundingSource source) =>
        new(source.Name, source.Kind, source.EuFundingPeriod, source.CostCategories ?? [], source.Amount, 0m, source.Amount);

    /// <summary>The source after <paramref name="amount"/> more was spent against it.</summary>
    public PilotSourceFunds After(decimal amount) => this with { Spent = Spent + amount, Remaining = Budget - (Spent + amount) };
}

/// <summary>Money a pilot spent against one of its funding sources.</summary>
/// <param name="Id">The spending's id in the pilot.</param>
/// <param name="Source">The funding source it is attributed to.</param>
/// <param name="Category">What it was spent on.</param>
/// <param name="Amount">How much, in EUR.</param>
/// <param name="SpentOn">The day it was spent.</param>
/// <param name="Note">What it was.</param>
/// <param name="RecordedBy">Who recorded it.</param>
public sealed record PilotSpendingRecord(Guid Id, string Source, PilotCostCategory Category, decimal Amount, DateOnly SpentOn, string? Note, string RecordedBy)
{
    /// <summary>Whether it was cancelled: it then counts against no source (ADR 0127).</summary>
    public bool Cancelled { get; init; }

    /// <summary>Whether it was corrected after it was recorded.</summary>
    public bool Corrected => History.Any(h => h.Change == PilotSpendingChange.Corrected);

    /// <summary>What happened to it, oldest first: recorded, each correction, the cancellation; each with its values, who, when and why.</summary>
    public IReadOnlyList<PilotSpendingHistoryEntry> History { get; init; } = [];
}

/// <summary>What happened to a spending (ADR 0127).</summary>
public enum PilotSpendingChange
{
    Recorded,
    Corrected,
    Cancelled,
}

/// <summary>One step of a spending's history: its values after the step, who took it, when and why.</summary>
/// <param name="Change">Recorded, corrected or cancelled.</param>
/// <param name="Source">The funding source it is attributed to after the step.</param>
/// <param name="Category">Its cost category after the step.</param>
/// <param name="Amount">Its amount in EUR after the step.</param>
/// <param name="SpentOn">Its day after the step.</param>
/// <param name="Note">Its note after the step.</param>
/// <param name="Reason">Why it was corrected or cancelled (none when it was recorded).</param>
/// <param name="By">Who took the step.</param>
/// <param name="At">When.</param>
public sealed record PilotSpendingHistoryEntry(
    PilotSpendingChange Change, string Source, PilotCostCategory Category, decimal Amount, DateOnly SpentOn, string? Note, string? Reason, string By,
    DateTimeOffset At);

/// <summary>Participants by kind and outcome; no personal data (those are read per participant by authorized roles).</summary>
/// <param name="Enrolled">Participants enrolled.</param>
/// <param name="SkilledWorkers">Of them, skilled workers.</param>
/// <param name="Interns">Of them, interns.</param>
/// <param name="Referrals">Referrals of participants to companies.</param>
/// <param name="Placed">Participants placed with a company.</param>
/// <param name="PersonalDataErased">Participants whose personal data were erased.</param>
public sealed record PilotParticipantCounts(int Enrolled, int SkilledWorkers, int Interns, int Referrals, int Placed, int PersonalDataErased);

/// <summary>
/// The pilot as everyone signed in sees it: sponsor, phase, funding, partners, offered services, companies, counts of
/// participants and services, legal hold, evaluation and continuation. Updated inline; holds no personal data.
/// </summary>
public sealed record PilotDetails
{
    /// <summary>The pilot project's id.</summary>
    public Guid Id { get; init; }
    /// <summary>Its version: send it as <c>expectedVersion</c> with the next command on the pilot.</summary>
    public long Version { get; init; }
    /// <summary>Its name.</summary>
    public string Name { get; init; } = "";
    /// <summary>Who runs it.</summary>
    public string Sponsor { get; init; } = "";
    /// <summary>Its pilot phase as it now stands.</summary>
    public Period PilotPhase { get; init; }
    /// <summary>How its phase was extended.</summary>
    public IReadOnlyList<PilotPhaseExtensionRecord> PhaseExtensions { get; init; } = [];
    /// <summary>Where it stands.</summary>
    public PilotStatus Status { get; init; }
    /// <summary>Who pays for it.</summary>
    public IReadOnlyList<FundingSource> FundingSources { get; init; } = [];
    /// <summary>Each funding source with its budget, what was spent against it and what is left (ADR 0124).</summary>
    public IReadOnlyList<PilotSourceFunds> Funding { get; init; } = [];
    /// <summary>The money it spent, in the order it was recorded, with current values (corrected; cancelled ones marked).</summary>
    public IReadOnlyList<PilotSpendingRecord> Spending { get; init; } = [];
    /// <summary>The services it offers.</summary>
    public IReadOnlyList<PilotService> OfferedServices { get; init; } = [];
    /// <summary>Its partners at home and abroad.</summary>
    public IReadOnlyList<PilotPartnerRecord> Partners { get; init; } = [];
    /// <summary>The companies enrolled.</summary>
    public IReadOnlyList<PilotCompanyRecord> Companies { get; init; } = [];
    /// <summary>Its participants, counted by kind and outcome.</summary>
    public PilotParticipantCounts Participants { get; init; } = new(0, 0, 0, 0, 0, 0);
    /// <summary>How many services it delivered to participants.</summary>
    public int ServicesDelivered { get; init; }
    /// <summary>How many of each service it delivered.</summary>
    public IReadOnlyDictionary<PilotService, int> ServicesByType { get; init; } = new Dictionary<PilotService, int>();
    /// <summary>The intercultural trainings it held for companies.</summary>
    public IReadOnlyList<PilotTrainingRecord> InterculturalTrainings { get; init; } = [];
    /// <summary>The legal hold on its records, if one stands.</summary>
    public PilotLegalHoldRecord? LegalHold { get; init; }
    /// <summary>Since when the evaluation of the pilot phase is due.</summary>
    public DateTimeOffset? EvaluationDueSince { get; init; }
    /// <summary>The decision on its continuation, once taken.</summary>
    public PilotContinuationRecord? Continuation { get; init; }
    /// <summary>When it last changed.</summary>
    public DateTimeOffset LastChangedAt { get; init; }

    internal PilotDetails WithCompany(Guid companyId, Func<PilotCompanyRecord, PilotCompanyRecord> change) =>
        this with { Companies = [.. Companies.Select(c => c.Id == companyId ? change(c) : c)] };
}
