using Fachwerk.Domain.Pilots;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Fachwerk.Application.Pilots;

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
        Status = PilotLifecycle.StatusAfter(PilotStatus.Running, e.Data),
        FundingSources = e.Data.FundingSources,
        Funding = [.. e.Data.FundingSources.Select(PilotSourceFunds.Of)],
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

    // An upload appends to the pilot's stream: the details carry its version, or clients reading them would send a stale one.
    public static PilotDetails Apply(IEvent<PilotParticipantDocumentAttached> e, PilotDetails pilot) => Touched(e, pilot);

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

    public static PilotDetails Apply(IEvent<PilotSpendingRecorded> e, PilotDetails pilot) =>
        Touched(e, pilot) with
        {
            Funding = [.. pilot.Funding.Select(f => f.Name == e.Data.Source ? f.After(e.Data.Amount) : f)],
            Spending = [.. pilot.Spending, new PilotSpendingRecord(e.Data.SpendingId, e.Data.Source, e.Data.Category, e.Data.Amount, e.Data.SpentOn,
                e.Data.Note, e.Data.RecordedBy)
            {
                History = [new PilotSpendingHistoryEntry(PilotSpendingChange.Recorded, e.Data.Source, e.Data.Category, e.Data.Amount, e.Data.SpentOn,
                    e.Data.Note, null, e.Data.RecordedBy, e.Data.RecordedAt)],
            }],
        };

    // A correction moves the spending's amount from what it counted against to what it counts against now; the row shows the
    // current values, its history the recorded ones and each correction (ADR 0127).
    public static PilotDetails Apply(IEvent<PilotSpendingCorrected> e, PilotDetails pilot)
    {
        var before = pilot.Spending.Single(s => s.Id == e.Data.SpendingId);
        var funding = pilot.Funding.Select(f => f.Name == before.Source ? f.After(-before.Amount) : f);
        return Touched(e, pilot) with
        {
            Funding = [.. funding.Select(f => f.Name == e.Data.Source ? f.After(e.Data.Amount) : f)],
            Spending = [.. pilot.Spending.Select(s => s.Id != e.Data.SpendingId ? s : s with
            {
                Source = e.Data.Source, Category = e.Data.Category, Amount = e.Data.Amount, SpentOn = e.Data.SpentOn, Note = e.Data.Note,
                History = [.. s.History, new PilotSpendingHistoryEntry(PilotSpendingChange.Corrected, e.Data.Source, e.Data.Category, e.Data.Amount,
                    e.Data.SpentOn, e.Data.Note, e.Data.Reason, e.Data.RecordedBy, e.Data.RecordedAt)],
            })],
        };
    }

    public static PilotDetails Apply(IEvent<PilotSpendingCancelled> e, PilotDetails pilot)
    {
        var before = pilot.Spending.Single(s => s.Id == e.Data.SpendingId);
        return Touched(e, pilot) with
        {
            Funding = [.. pilot.Funding.Select(f => f.Name == before.Source ? f.After(-before.Amount) : f)],
            Spending = [.. pilot.Spending.Select(s => s.Id != e.Data.SpendingId ? s : s with
            {
                Cancelled = true,
                History = [.. s.History, new PilotSpendingHistoryEntry(PilotSpendingChange.Cancelled, s.Source, s.Category, s.Amount, s.SpentOn, s.Note,
                    e.Data.Reason, e.Data.RecordedBy, e.Data.RecordedAt)],
            })],
        };
    }

    public static PilotDetails Apply(IEvent<PilotParticipantDataErased> e, PilotDetails pilot) =>
        Touched(e, pilot) with
        {
            Participants = pilot.Participants with { PersonalDataErased = pilot.Participants.PersonalDataErased + 1 },
        };

    public static PilotDetails Apply(IEvent<PilotEvaluationDue> e, PilotDetails pilot) =>
        Touched(e, pilot) with { EvaluationDueSince = e.Data.RecordedAt };

    public static PilotDetails Apply(IEvent<PilotContinuationDecided> e, PilotDetails pilot) =>
        Touched(e, pilot) with
        {
            Continuation = new PilotContinuationRecord(e.Data.Decision, e.Data.Reasons, e.Data.DecidedOn, e.Data.ContinuedUntil,
                e.Data.RecordedBy, e.Data.Assessment),
        };

    public static PilotDetails Apply(IEvent<PilotLegalHoldPlaced> e, PilotDetails pilot) =>
        Touched(e, pilot) with { LegalHold = new PilotLegalHoldRecord(e.Data.HeldUntil, e.Data.LegalBasis, e.Data.RecordedBy, e.Data.RecordedAt) };

    public static PilotDetails Apply(IEvent<PilotLegalHoldLifted> e, PilotDetails pilot) =>
        Touched(e, pilot) with { LegalHold = null };

    /// <summary>The pilot after event <paramref name="e"/>: version, time, and the status <see cref="PilotLifecycle"/> gives.</summary>
    private static PilotDetails Touched(IEvent e, PilotDetails pilot) =>
        pilot with { Version = e.Version, LastChangedAt = e.Timestamp, Status = PilotLifecycle.StatusAfter(pilot.Status, e.Data) };
}
