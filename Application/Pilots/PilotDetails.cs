using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;

namespace Fachwerk.Application.Pilots;

public sealed record PilotPartnerRecord(Guid Id, string Name, string Country, string Role, DateOnly JoinedOn, bool Abroad);

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

public sealed record PilotTrainingRecord(Guid Id, DateOnly HeldOn, IReadOnlyList<Guid> CompanyIds);

public sealed record PilotPhaseExtensionRecord(DateOnly PreviousEnd, DateOnly NewEnd, string Reason);

public sealed record PilotLegalHoldRecord(DateOnly HeldUntil, string LegalBasis, string PlacedBy, DateTimeOffset PlacedAt);

public sealed record PilotContinuationRecord(
    ContinuationDecision Decision,
    IReadOnlyList<string> Reasons,
    DateOnly DecidedOn,
    DateOnly? ContinuedUntil,
    string DecidedBy,
    DemandAssessment Assessment);

/// <summary>Participants by kind and outcome; no personal data (those are read per participant by authorized roles).</summary>
public sealed record PilotParticipantCounts(int Enrolled, int SkilledWorkers, int Interns, int Referrals, int Placed, int PersonalDataErased);

/// <summary>
/// The pilot as everyone signed in sees it: sponsor, phase, funding, partners, offered services, companies, counts of
/// participants and services, legal hold, evaluation and continuation. Updated inline; holds no personal data.
/// </summary>
public sealed record PilotDetails
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string Name { get; init; } = "";
    public string Sponsor { get; init; } = "";
    public Period PilotPhase { get; init; }
    public IReadOnlyList<PilotPhaseExtensionRecord> PhaseExtensions { get; init; } = [];
    public PilotStatus Status { get; init; }
    public IReadOnlyList<FundingSource> FundingSources { get; init; } = [];
    public IReadOnlyList<PilotService> OfferedServices { get; init; } = [];
    public IReadOnlyList<PilotPartnerRecord> Partners { get; init; } = [];
    public IReadOnlyList<PilotCompanyRecord> Companies { get; init; } = [];
    public PilotParticipantCounts Participants { get; init; } = new(0, 0, 0, 0, 0, 0);
    public int ServicesDelivered { get; init; }
    public IReadOnlyDictionary<PilotService, int> ServicesByType { get; init; } = new Dictionary<PilotService, int>();
    public IReadOnlyList<PilotTrainingRecord> InterculturalTrainings { get; init; } = [];
    public PilotLegalHoldRecord? LegalHold { get; init; }
    public DateTimeOffset? EvaluationDueSince { get; init; }
    public PilotContinuationRecord? Continuation { get; init; }
    public DateTimeOffset LastChangedAt { get; init; }

    internal PilotDetails WithCompany(Guid companyId, Func<PilotCompanyRecord, PilotCompanyRecord> change) =>
        this with { Companies = [.. Companies.Select(c => c.Id == companyId ? change(c) : c)] };
}
