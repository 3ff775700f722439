using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;

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

public sealed partial class PilotDetailsProjection : SingleStreamProjection<PilotDetails, Guid>
{
    public const string HomeCountry = "DE";

    public static PilotDetails Create(IEvent<PilotLaunched> e) => new()
    {
        Id = e.Data.PilotId,
        Version = e.Version,
        Name = e.Data.Name,
        Sponsor = e.Data.Sponsor,
        PilotPhase = e.Data.PilotPhase,
        Status = PilotStatus.Running,
        FundingSources = e.Data.FundingSources,
        OfferedServices = e.Data.OfferedServices,
        LastChangedAt = e.Timestamp,
    };

    public static PilotDetails Apply(IEvent<PilotPartnerJoined> e, PilotDetails pilot) =>
        Touched(e, pilot) with
        {
            Partners = [.. pilot.Partners, new PilotPartnerRecord(e.Data.PartnerId, e.Data.Name, e.Data.Country, e.Data.Role, e.Data.JoinedOn,
                !string.Equals(e.Data.Country, HomeCountry, StringComparison.Ordinal))],
        };

    public static PilotDetails Apply(IEvent<PilotServicesOffered> e, PilotDetails pilot) =>
        Touched(e, pilot) with { OfferedServices = e.Data.Services };

    public static PilotDetails Apply(IEvent<PilotPhaseExtended> e, PilotDetails pilot) =>
        Touched(e, pilot) with
        {
            PilotPhase = pilot.PilotPhase with { To = e.Data.NewEnd },
            PhaseExtensions = [.. pilot.PhaseExtensions, new PilotPhaseExtensionRecord(e.Data.PreviousEnd, e.Data.NewEnd, e.Data.Reason)],
        };

    public static PilotDetails Apply(IEvent<PilotCompanyEnrolled> e, PilotDetails pilot) =>
        Touched(e, pilot) with
        {
            Companies = [.. pilot.Companies, new PilotCompanyRecord(e.Data.CompanyId, e.Data.Name, e.Data.Town, e.Data.SkilledWorkersNeeded,
                e.Data.Occupations, e.Data.EnrolledOn, 0, 0, 0)],
        };

    public static PilotDetails Apply(IEvent<PilotParticipantEnrolled> e, PilotDetails pilot) =>
        Touched(e, pilot) with
        {
            Participants = pilot.Participants with
            {
                Enrolled = pilot.Participants.Enrolled + 1,
                SkilledWorkers = pilot.Participants.SkilledWorkers + (e.Data.Kind == ParticipantKind.SkilledWorker ? 1 : 0),
                Interns = pilot.Participants.Interns + (e.Data.Kind == ParticipantKind.Intern ? 1 : 0),
            },
        };

    public static PilotDetails Apply(IEvent<PilotParticipantDataCorrected> e, PilotDetails pilot) => Touched(e, pilot);

    public static PilotDetails Apply(IEvent<PilotParticipantReferred> e, PilotDetails pilot) =>
        Touched(e, pilot).WithCompany(e.Data.CompanyId, c => c with { Referrals = c.Referrals + 1 }) with
        {
            Participants = pilot.Participants with { Referrals = pilot.Participants.Referrals + 1 },
        };

    public static PilotDetails Apply(IEvent<PilotParticipantPlaced> e, PilotDetails pilot) =>
        Touched(e, pilot).WithCompany(e.Data.CompanyId, c => c with { Placements = c.Placements + 1 }) with
        {
            Participants = pilot.Participants with { Placed = pilot.Participants.Placed + 1 },
        };

    public static PilotDetails Apply(IEvent<PilotServiceDelivered> e, PilotDetails pilot)
    {
        var byType = new Dictionary<PilotService, int>(pilot.ServicesByType);
        byType[e.Data.Service] = byType.GetValueOrDefault(e.Data.Service) + 1;
        return Touched(e, pilot) with { ServicesDelivered = pilot.ServicesDelivered + 1, ServicesByType = byType };
    }

    public static PilotDetails Apply(IEvent<PilotInterculturalTrainingHeld> e, PilotDetails pilot) =>
        Touched(e, pilot) with
        {
            Companies = [.. pilot.Companies.Select(c => e.Data.CompanyIds.Contains(c.Id) ? c with { InterculturalTrainings = c.InterculturalTrainings + 1 } : c)],
            InterculturalTrainings = [.. pilot.InterculturalTrainings, new PilotTrainingRecord(e.Data.TrainingId, e.Data.HeldOn, e.Data.CompanyIds)],
        };

    public static PilotDetails Apply(IEvent<PilotParticipantDataErased> e, PilotDetails pilot) =>
        Touched(e, pilot) with
        {
            Participants = pilot.Participants with { PersonalDataErased = pilot.Participants.PersonalDataErased + 1 },
        };

    public static PilotDetails Apply(IEvent<PilotEvaluationDue> e, PilotDetails pilot) =>
        Touched(e, pilot) with { Status = PilotStatus.EvaluationDue, EvaluationDueSince = e.Data.RecordedAt };

    public static PilotDetails Apply(IEvent<PilotContinuationDecided> e, PilotDetails pilot) =>
        Touched(e, pilot) with
        {
            Status = e.Data.Decision == ContinuationDecision.Continue ? PilotStatus.Continued : PilotStatus.Ended,
            Continuation = new PilotContinuationRecord(e.Data.Decision, e.Data.Reasons, e.Data.DecidedOn, e.Data.ContinuedUntil,
                e.Data.RecordedBy, e.Data.Assessment),
        };

    public static PilotDetails Apply(IEvent<PilotLegalHoldPlaced> e, PilotDetails pilot) =>
        Touched(e, pilot) with { LegalHold = new PilotLegalHoldRecord(e.Data.HeldUntil, e.Data.LegalBasis, e.Data.RecordedBy, e.Data.RecordedAt) };

    public static PilotDetails Apply(IEvent<PilotLegalHoldLifted> e, PilotDetails pilot) =>
        Touched(e, pilot) with { LegalHold = null };

    private static PilotDetails Touched(IEvent e, PilotDetails pilot) =>
        pilot with { Version = e.Version, LastChangedAt = e.Timestamp };
}

public static class GetPilotEndpoints
{
    [WolverineGet("/api/pilots/{id}")]
    public static PilotDetails Get([Document] PilotDetails pilot) => pilot;

    [WolverineGet("/api/pilots/{pilotId}/companies/{companyId}")]
    [ProducesResponseType<PilotCompanyRecord>(StatusCodes.Status200OK)]
    public static IResult GetCompany([Document("pilotId")] PilotDetails pilot, Guid companyId) =>
        pilot.Companies.FirstOrDefault(c => c.Id == companyId) is { } company
            ? Results.Ok(company)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.",
                detail: $"Company {companyId} is not enrolled in '{pilot.Name}'.", type: "urn:fachwerk:problem:not-found");
}
