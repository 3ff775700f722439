using System.Collections.Immutable;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Pilots;

public enum PilotStatus
{
    /// <summary>In its pilot phase (or past it, until the scheduled evaluation has noticed).</summary>
    Running,

    /// <summary>The pilot phase has ended: the continuation is to be decided.</summary>
    EvaluationDue,
    Continued,
    Ended,
}

public sealed record PilotPartner(Guid Id, string Name, string Country, string Role, DateOnly JoinedOn);

public sealed record PilotCompany(Guid Id, string Name, DateOnly EnrolledOn);

/// <summary>A participant as the rules need it: no personal data (those are sealed in the events, see ADR 0015).</summary>
public sealed record PilotParticipant(
    Guid Id,
    ParticipantKind Kind,
    DateOnly EnrolledOn,
    DateOnly? InternshipEndsOn,
    ImmutableDictionary<Guid, DateOnly> Referrals,
    Guid? PlacedWith,
    DateOnly? PlacedOn,
    bool PersonalDataErased);

public sealed record LegalHold(DateOnly HeldUntil, string LegalBasis, string PlacedBy, DateTimeOffset PlacedAt);

/// <summary>
/// Write model of a pilot project, folded from its one stream: companies, participants, services and trainings are
/// entities inside the pilot's stream (docs/adr/0014-pilot-stream-layout.md).
/// </summary>
public sealed record Pilot(
    Guid Id,
    string Name,
    string Sponsor,
    Period Phase,
    PilotStatus Status,
    DateOnly? ContinuedUntil,
    ImmutableArray<PilotService> OfferedServices,
    ImmutableDictionary<Guid, PilotPartner> Partners,
    ImmutableDictionary<Guid, PilotCompany> Companies,
    ImmutableDictionary<Guid, PilotParticipant> Participants,
    LegalHold? LegalHold,
    ImmutableSortedDictionary<DateOnly, MonthlyDemand> Demand) : IEventSourced<Pilot>
{
    /// <summary>Who pays for the pilot, with each source's rules.</summary>
    public ImmutableArray<FundingSource> FundingSources { get; init; } = [];

    /// <summary>What was spent against each funding source so far, in EUR, by the source's name (cancelled spending not counted).</summary>
    public ImmutableDictionary<string, decimal> Spent { get; init; } = ImmutableDictionary<string, decimal>.Empty;

    /// <summary>Each spending by its id, as it now stands (corrected, or cancelled).</summary>
    public ImmutableDictionary<Guid, RecordedSpending> Spendings { get; init; } = ImmutableDictionary<Guid, RecordedSpending>.Empty;

    /// <summary>The last day activities may be dated: the end of the pilot phase, or of the continuation.</summary>
    public DateOnly ActiveUntil => ContinuedUntil ?? Phase.To;

    /// <summary>The status follows <see cref="PilotLifecycle"/>; everything else is folded here.</summary>
    public static Pilot Evolve(Pilot? pilot, object @event) =>
        Fold(pilot, @event) with { Status = PilotLifecycle.StatusAfter(pilot?.Status ?? PilotStatus.Running, @event) };

    private static Pilot Fold(Pilot? pilot, object @event) => (pilot, @event) switch
    {
        (null, PilotLaunched launched) => new Pilot(launched.PilotId, launched.Name, launched.Sponsor, launched.PilotPhase,
            PilotStatus.Running, null, [.. launched.OfferedServices], ImmutableDictionary<Guid, PilotPartner>.Empty,
            ImmutableDictionary<Guid, PilotCompany>.Empty, ImmutableDictionary<Guid, PilotParticipant>.Empty, null,
            ImmutableSortedDictionary<DateOnly, MonthlyDemand>.Empty) { FundingSources = [.. launched.FundingSources] },
        (null, _) => throw new UnexpectedFirstEventException(typeof(Pilot), @event),

        (_, PilotPartnerJoined joined) => pilot with
        {
            Partners = pilot.Partners.SetItem(joined.PartnerId,
                new PilotPartner(joined.PartnerId, joined.Name, joined.Country, joined.Role, joined.JoinedOn)),
        },
        (_, PilotServicesOffered offered) => pilot with { OfferedServices = [.. offered.Services] },
        (_, PilotPhaseExtended extended) => pilot with { Phase = pilot.Phase with { To = extended.NewEnd } },
        (_, PilotCompanyEnrolled enrolled) => pilot with
        {
            Companies = pilot.Companies.SetItem(enrolled.CompanyId, new PilotCompany(enrolled.CompanyId, enrolled.Name, enrolled.EnrolledOn)),
            Demand = Count(pilot.Demand, enrolled.EnrolledOn, m => m with { NewCompanies = m.NewCompanies + 1 }),
        },
        (_, PilotParticipantEnrolled enrolled) => pilot with
        {
            Participants = pilot.Participants.SetItem(enrolled.ParticipantId, new PilotParticipant(enrolled.ParticipantId,
                enrolled.Kind, enrolled.EnrolledOn, enrolled.InternshipEndsOn, ImmutableDictionary<Guid, DateOnly>.Empty, null, null, false)),
            Demand = Count(pilot.Demand, enrolled.EnrolledOn, m => m with { NewParticipants = m.NewParticipants + 1 }),
        },
        (_, PilotParticipantReferred referred) => pilot.WithParticipant(referred.ParticipantId,
            p => p with { Referrals = p.Referrals.SetItem(referred.CompanyId, referred.ReferredOn) }),
        (_, PilotParticipantPlaced placed) => pilot.WithParticipant(placed.ParticipantId,
            p => p with { PlacedWith = placed.CompanyId, PlacedOn = placed.PlacedOn }) with
        {
            Demand = Count(pilot.Demand, placed.PlacedOn, m => m with { Placements = m.Placements + 1 }),
        },
        (_, PilotServiceDelivered delivered) => pilot with
        {
            Demand = Count(pilot.Demand, delivered.DeliveredOn, m => m with { ServicesDelivered = m.ServicesDelivered + 1 }),
        },
        (_, PilotInterculturalTrainingHeld held) => pilot with
        {
            Demand = Count(pilot.Demand, held.HeldOn, m => m with { InterculturalTrainings = m.InterculturalTrainings + 1 }),
        },
        (_, PilotSpendingRecorded spent) => pilot.WithSpending(spent.SpendingId, null,
            new RecordedSpending(spent.SpendingId, new PilotSpending(spent.Source, spent.Category, spent.Amount, spent.SpentOn, spent.Note))),
        (_, PilotSpendingCorrected corrected) => pilot.WithSpending(corrected.SpendingId, pilot.Spendings[corrected.SpendingId],
            new RecordedSpending(corrected.SpendingId, new PilotSpending(corrected.Source, corrected.Category, corrected.Amount, corrected.SpentOn, corrected.Note))),
        (_, PilotSpendingCancelled cancelled) => pilot.WithSpending(cancelled.SpendingId, pilot.Spendings[cancelled.SpendingId],
            pilot.Spendings[cancelled.SpendingId] with { Cancelled = true }),
        (_, PilotParticipantDataErased erased) => pilot.WithParticipant(erased.ParticipantId, p => p with { PersonalDataErased = true }),
        (_, PilotContinuationDecided decided) => pilot with { ContinuedUntil = decided.ContinuedUntil },
        (_, PilotLegalHoldPlaced placed) => pilot with
        {
            LegalHold = new LegalHold(placed.HeldUntil, placed.LegalBasis, placed.RecordedBy, placed.RecordedAt),
        },
        (_, PilotLegalHoldLifted) => pilot with { LegalHold = null },
        _ => pilot,
    };

    /// <summary>The pilot with a spending replaced: what it counted against its source before comes off, what it counts now goes on.</summary>
    private Pilot WithSpending(Guid spendingId, RecordedSpending? before, RecordedSpending after)
    {
        var spent = Spent;
        if (before is { Cancelled: false }) spent = spent.SetItem(before.Spending.Source, spent.GetValueOrDefault(before.Spending.Source) - before.Spending.Amount);
        if (!after.Cancelled) spent = spent.SetItem(after.Spending.Source, spent.GetValueOrDefault(after.Spending.Source) + after.Spending.Amount);
        return this with { Spent = spent, Spendings = Spendings.SetItem(spendingId, after) };
    }

    private Pilot WithParticipant(Guid participantId, Func<PilotParticipant, PilotParticipant> change) =>
        this with { Participants = Participants.SetItem(participantId, change(Participants[participantId])) };

    private static ImmutableSortedDictionary<DateOnly, MonthlyDemand> Count(
        ImmutableSortedDictionary<DateOnly, MonthlyDemand> demand, DateOnly day, Func<MonthlyDemand, MonthlyDemand> change)
    {
        var month = MonthlyDemand.MonthOf(day);
        return demand.SetItem(month, change(demand.GetValueOrDefault(month) ?? new MonthlyDemand(month)));
    }
}
