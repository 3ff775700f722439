using Fachwerk.Application.Common;
using Marten;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>What a pilot recorded in one calendar month (by business date). <see cref="Demand"/> as in docs/pilots.md.</summary>
public sealed record PilotMonth
{
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; init; }
    /// <summary>Participants enrolled this month.</summary>
    public int NewParticipants { get; init; }
    /// <summary>Of them, skilled workers.</summary>
    public int NewSkilledWorkers { get; init; }
    /// <summary>Of them, interns.</summary>
    public int NewInterns { get; init; }
    /// <summary>Companies enrolled this month.</summary>
    public int NewCompanies { get; init; }

    /// <summary>Skilled workers the companies enrolled this month said they need.</summary>
    public int SkilledWorkersNeeded { get; init; }
    /// <summary>Services delivered this month.</summary>
    public int ServicesDelivered { get; init; }
    /// <summary>Services delivered this month, by service.</summary>
    public IReadOnlyDictionary<PilotService, int> ServicesByType { get; init; } = new Dictionary<PilotService, int>();
    /// <summary>Intercultural trainings held this month.</summary>
    public int InterculturalTrainings { get; init; }
    /// <summary>Participants placed this month.</summary>
    public int Placements { get; init; }

    /// <summary>The month's demand: participants, companies, services and trainings, each counted once.</summary>
    public int Demand => ToMonthlyDemand().Demand;

    public MonthlyDemand ToMonthlyDemand() =>
        new(Month, NewParticipants, NewCompanies, ServicesDelivered, InterculturalTrainings, Placements);
}

/// <summary>
/// The pilot's demand, month by month (asynchronous projection: a dashboard may lag a moment behind the commands).
/// Counts only; no personal data, so an erasure changes nothing here.
/// </summary>
public sealed record PilotDemand
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public Period PilotPhase { get; init; }
    public DateOnly? ContinuedUntil { get; init; }
    public IReadOnlyList<PilotMonth> Months { get; init; } = [];

    internal PilotDemand Count(DateOnly day, Func<PilotMonth, PilotMonth> change)
    {
        var month = MonthlyDemand.MonthOf(day);
        var existing = Months.FirstOrDefault(m => m.Month == month) ?? new PilotMonth { Month = month };
        return this with { Months = [.. Months.Where(m => m.Month != month).Append(change(existing)).OrderBy(m => m.Month)] };
    }
}

public sealed partial class PilotDemandProjection : SingleStreamProjection<PilotDemand, Guid>
{
    public static PilotDemand Create(IEvent<PilotLaunched> e) =>
        new() { Id = e.Data.PilotId, Name = e.Data.Name, PilotPhase = e.Data.PilotPhase };

    public static PilotDemand Apply(IEvent<PilotPhaseExtended> e, PilotDemand demand) =>
        demand with { PilotPhase = demand.PilotPhase with { To = e.Data.NewEnd } };

    public static PilotDemand Apply(IEvent<PilotContinuationDecided> e, PilotDemand demand) =>
        demand with { ContinuedUntil = e.Data.ContinuedUntil };

    public static PilotDemand Apply(IEvent<PilotCompanyEnrolled> e, PilotDemand demand) =>
        demand.Count(e.Data.EnrolledOn, m => m with
        {
            NewCompanies = m.NewCompanies + 1,
            SkilledWorkersNeeded = m.SkilledWorkersNeeded + e.Data.SkilledWorkersNeeded,
        });

    public static PilotDemand Apply(IEvent<PilotParticipantEnrolled> e, PilotDemand demand) =>
        demand.Count(e.Data.EnrolledOn, m => m with
        {
            NewParticipants = m.NewParticipants + 1,
            NewSkilledWorkers = m.NewSkilledWorkers + (e.Data.Kind == ParticipantKind.SkilledWorker ? 1 : 0),
            NewInterns = m.NewInterns + (e.Data.Kind == ParticipantKind.Intern ? 1 : 0),
        });

    public static PilotDemand Apply(IEvent<PilotServiceDelivered> e, PilotDemand demand) =>
        demand.Count(e.Data.DeliveredOn, m =>
        {
            var byType = new Dictionary<PilotService, int>(m.ServicesByType);
            byType[e.Data.Service] = byType.GetValueOrDefault(e.Data.Service) + 1;
            return m with { ServicesDelivered = m.ServicesDelivered + 1, ServicesByType = byType };
        });

    public static PilotDemand Apply(IEvent<PilotInterculturalTrainingHeld> e, PilotDemand demand) =>
        demand.Count(e.Data.HeldOn, m => m with { InterculturalTrainings = m.InterculturalTrainings + 1 });

    public static PilotDemand Apply(IEvent<PilotParticipantPlaced> e, PilotDemand demand) =>
        demand.Count(e.Data.PlacedOn, m => m with { Placements = m.Placements + 1 });
}

/// <summary>What a pilot recorded over all its months.</summary>
/// <param name="NewParticipants">Participants enrolled.</param>
/// <param name="NewSkilledWorkers">Of them, skilled workers.</param>
/// <param name="NewInterns">Of them, interns.</param>
/// <param name="NewCompanies">Companies enrolled.</param>
/// <param name="SkilledWorkersNeeded">Skilled workers the enrolled companies said they need.</param>
/// <param name="ServicesDelivered">Services delivered to participants.</param>
/// <param name="ServicesByType">Services delivered, by service.</param>
/// <param name="InterculturalTrainings">Intercultural trainings held.</param>
/// <param name="Placements">Participants placed with companies.</param>
/// <param name="Demand">The demand: participants, companies, services and trainings, each counted once.</param>
public sealed record PilotDemandTotals(
    int NewParticipants,
    int NewSkilledWorkers,
    int NewInterns,
    int NewCompanies,
    int SkilledWorkersNeeded,
    int ServicesDelivered,
    IReadOnlyDictionary<PilotService, int> ServicesByType,
    int InterculturalTrainings,
    int Placements,
    int Demand);

/// <summary>
/// The demand dashboard of a pilot: the months (with no gaps between the first and the last), their totals, and the
/// continuation indicator ("stable demand", docs/pilots.md), assessed today over the pilot phase with the numbers behind it.
/// </summary>
/// <param name="PilotId">The pilot project.</param>
/// <param name="Name">Its name.</param>
/// <param name="PilotPhase">Its pilot phase.</param>
/// <param name="ContinuedUntil">Until when it continues, if continued.</param>
/// <param name="Months">Its months from the first to the last, without gaps.</param>
/// <param name="Totals">The totals over all months.</param>
/// <param name="Indicator">The continuation indicator, assessed today, with the numbers behind it.</param>
/// <param name="Building">True while the dashboard has not read the pilot yet: its months are still to come.</param>
public sealed record PilotDemandReport(
    Guid PilotId,
    string Name,
    Period PilotPhase,
    DateOnly? ContinuedUntil,
    IReadOnlyList<PilotMonth> Months,
    PilotDemandTotals Totals,
    DemandAssessment Indicator,
    bool Building = false);

public static class GetPilotDemandEndpoint
{
    /// <summary>
    /// Shows a pilot's demand month by month and the continuation indicator: whether demand proved stable during the pilot phase.
    /// </summary>
    [WolverineGet("/api/pilots/{id}/demand")]
    public static async Task<PilotDemandReport> Get(
        Guid id, [Document("id", Required = false)] PilotDemand? demand, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        // Right after a launch the dashboard may not have read the pilot yet: an empty demand, marked as being built, not 404.
        var building = demand is null;
        demand ??= await session.LoadAsync<PilotDetails>(id, cancellation) is { } pilot
            ? new PilotDemand { Id = pilot.Id, Name = pilot.Name, PilotPhase = pilot.PilotPhase, ContinuedUntil = pilot.Continuation?.ContinuedUntil }
            : throw new UnknownEntity(Problems.NotFoundCode, $"There is no pilot project with id {id}.");

        var months = WithoutGaps(demand.Months);
        var indicator = StableDemandRule.Default.Assess(demand.PilotPhase, AuthorityCalendar.DayOf(clock.GetUtcNow()),
            months.Select(m => m.ToMonthlyDemand()));
        return new PilotDemandReport(demand.Id, demand.Name, demand.PilotPhase, demand.ContinuedUntil, months, Totals(months), indicator, building);
    }

    private static List<PilotMonth> WithoutGaps(IReadOnlyList<PilotMonth> months)
    {
        if (months.Count == 0) return [];
        var byMonth = months.ToDictionary(m => m.Month);
        var all = new List<PilotMonth>();
        for (var month = months[0].Month; month <= months[^1].Month; month = month.AddMonths(1))
            all.Add(byMonth.GetValueOrDefault(month) ?? new PilotMonth { Month = month });
        return all;
    }

    private static PilotDemandTotals Totals(IReadOnlyList<PilotMonth> months) =>
        new(months.Sum(m => m.NewParticipants), months.Sum(m => m.NewSkilledWorkers), months.Sum(m => m.NewInterns),
            months.Sum(m => m.NewCompanies), months.Sum(m => m.SkilledWorkersNeeded), months.Sum(m => m.ServicesDelivered),
            months.SelectMany(m => m.ServicesByType).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value)),
            months.Sum(m => m.InterculturalTrainings), months.Sum(m => m.Placements), months.Sum(m => m.Demand));
}
