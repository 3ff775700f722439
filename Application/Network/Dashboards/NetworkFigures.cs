using Fachwerk.Application.Applications;
using Fachwerk.Application.Network.Activities;
using Fachwerk.Application.Network.Ideas;
using Fachwerk.Application.Network.Instruments;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using Marten;

namespace Fachwerk.Application.Network.Dashboards;

/// <summary>
/// Works out a network dashboard from the inline read models of activities, instruments and ideas, and the application summaries
/// the ideas lead to (ADR 0068): a region's network work is hundreds of records, not hundreds of thousands, so the figures are
/// summed when they are read, always current, instead of being kept as running sums by an asynchronous projection.
/// </summary>
public static class NetworkFigures
{
    /// <summary>Which records a dashboard counts: the activities and ideas it loads, and which places of uses and seals are in scope.</summary>
    public sealed record Scope(
        DashboardScope Kind, string Name, Guid? AllianceId, FederalState? FederalState, string? District,
        Func<IQueryable<ActivityDetails>, IQueryable<ActivityDetails>> Activities,
        Func<IQueryable<ProjectIdeaDetails>, IQueryable<ProjectIdeaDetails>> Ideas,
        Func<Area, bool> Covers,
        Func<ActivityDetails, bool>? ActivityFilter = null,
        Func<ProjectIdeaDetails, bool>? IdeaFilter = null);

    public static async Task<NetworkDashboard> ComputeAsync(IQuerySession session, Scope scope, DateOnly today, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(scope);
        var activities = (await scope.Activities(session.Query<ActivityDetails>()).ToListAsync(cancellation))
            .Where(a => scope.ActivityFilter?.Invoke(a) ?? true).ToList();
        var ideas = (await scope.Ideas(session.Query<ProjectIdeaDetails>()).ToListAsync(cancellation))
            .Where(i => scope.IdeaFilter?.Invoke(i) ?? true).ToList();
        var instruments = await (scope.FederalState is { } state
            ? session.Query<InstrumentDetails>().Where(i => i.FederalStates.Contains(state))
            : session.Query<InstrumentDetails>()).ToListAsync(cancellation);
        var realising = ideas.Select(i => i.Realisation?.ApplicationId).OfType<Guid>().Distinct().ToArray();
        var funded = realising.Length == 0
            ? []
            : (await session.LoadManyAsync<ApplicationSummary>(cancellation, realising))
                .Where(a => ApplicationLifecycle.KeepsCommitment(a.Status)).Select(a => a.Id).ToHashSet();

        var held = activities.Where(a => a.Outcome is not null).ToList();
        var cancelled = activities.Where(a => a.Status == ActivityStatus.Cancelled).ToList();
        var uses = instruments.SelectMany(i => i.Uses).Where(u => scope.Covers(u.Area)).ToList();
        var seals = instruments.SelectMany(i => i.Seals).Where(s => scope.Covers(s.Area)).ToList();

        var years = held.Select(a => a.Outcome!.Held.From.Year)
            .Concat(cancelled.Select(a => a.Dates.From.Year))
            .Concat(uses.Select(u => u.UsedOn.Year))
            .Concat(seals.Select(s => s.AwardedOn.Year)).Concat(seals.SelectMany(s => s.Renewals).Select(r => r.Year))
            .Concat(ideas.Select(i => i.RecordedOn.Year)).Concat(ideas.Select(i => i.Realisation?.RealisedOn.Year).OfType<int>())
            .ToList();
        var rows = years.Count == 0
            ? []
            : Enumerable.Range(years.Min(), years.Max() - years.Min() + 1).Select(year => Year(year,
                held.Where(a => a.Outcome!.Held.From.Year == year).ToList(),
                cancelled.Count(a => a.Dates.From.Year == year),
                uses.Count(u => u.UsedOn.Year == year),
                seals.Count(s => s.AwardedOn.Year == year),
                seals.Sum(s => s.Renewals.Count(r => r.Year == year)),
                ideas.Count(i => i.RecordedOn.Year == year),
                ideas.Where(i => i.Realisation?.RealisedOn.Year == year).ToList(), funded)).ToList();

        var inUse = instruments
            .Select(i => (Instrument: i, Uses: i.Uses.Where(u => scope.Covers(u.Area)).ToList(), Seals: i.Seals.Where(s => scope.Covers(s.Area)).ToList()))
            .Where(x => x.Uses.Count > 0 || x.Seals.Count > 0)
            .Select(x => new InstrumentInUse(x.Instrument.Id, x.Instrument.Name, x.Instrument.Kind, x.Uses.Count,
                x.Uses.Select(u => u.UsedBy.Id).Distinct().Count(), x.Uses.Sum(u => u.Participants ?? 0), x.Seals.Count(s => s.ValidUntil >= today),
                x.Uses.Select(u => (DateOnly?)u.UsedOn).Concat(x.Seals.Select(s => (DateOnly?)(s.Renewals.Count > 0 ? s.Renewals.Max() : s.AwardedOn))).Max()))
            .OrderByDescending(i => i.Uses + i.SealsValid).ThenBy(i => i.Name)
            .ToList();

        return new NetworkDashboard(scope.Kind, scope.Name, scope.AllianceId, scope.FederalState, scope.District, rows, Total(rows), inUse);
    }

    private static NetworkYear Year(
        int year, IReadOnlyList<ActivityDetails> held, int cancelled, int uses, int sealsAwarded, int sealsRenewed, int ideasRecorded,
        IReadOnlyList<ProjectIdeaDetails> realised, IReadOnlySet<Guid> funded) =>
        new(year, held.Count,
            held.GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.Count()),
            cancelled,
            held.Sum(a => a.Outcome!.TotalAttendance),
            Sum(held.Select(a => a.Outcome!.Attendance)),
            held.Sum(a => a.Outcome!.ContactsMade),
            held.Sum(a => a.Outcome!.Placements),
            uses, sealsAwarded, sealsRenewed, ideasRecorded, realised.Count,
            realised.Count(i => funded.Contains(i.Realisation!.ApplicationId)));

    private static NetworkYear Total(IReadOnlyList<NetworkYear> years) =>
        new(0, years.Sum(y => y.ActivitiesHeld), Sum(years.Select(y => y.ActivitiesByKind)), years.Sum(y => y.ActivitiesCancelled),
            years.Sum(y => y.Attendance), Sum(years.Select(y => y.AttendanceByGroup)), years.Sum(y => y.ContactsMade), years.Sum(y => y.Placements),
            years.Sum(y => y.InstrumentUses), years.Sum(y => y.SealsAwarded), years.Sum(y => y.SealsRenewed), years.Sum(y => y.IdeasRecorded),
            years.Sum(y => y.IdeasRealised), years.Sum(y => y.IdeasFunded));

    private static Dictionary<TKey, int> Sum<TKey>(IEnumerable<IReadOnlyDictionary<TKey, int>> counts) where TKey : notnull =>
        counts.SelectMany(c => c).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
}
