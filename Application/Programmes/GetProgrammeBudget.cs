using System.Collections.Immutable;
using Fachwerk.Application.Alliances;
using Fachwerk.Domain.Programmes;
using JasperFx.Events;
using Marten;
using Fachwerk.Domain.Applications;
using Marten.Events.Projections;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Programmes;

/// <summary>
/// The programme budget dashboard: total, committed, released, remaining, paid, reclaimed and repaid, the applicants' own
/// contributions, and planning versus actual commitments per alliance. An asynchronous projection of the programme's stream
/// and of the payments, reclaims and repayments on its applications' streams.
/// </summary>
public sealed record ProgrammeBudget
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public decimal TotalBudget { get; init; }
    public decimal ToppedUp { get; init; }
    public decimal Cut { get; init; }
    public decimal Committed { get; init; }
    public decimal Released { get; init; }
    public decimal Remaining => TotalBudget - Committed;
    public decimal OwnContributions { get; init; }
    public decimal Paid { get; init; }
    public decimal Reclaimed { get; init; }
    public decimal Repaid { get; init; }
    public IReadOnlyDictionary<Guid, decimal> PlanningBudgets { get; init; } = new Dictionary<Guid, decimal>();

    /// <summary>What is committed per alliance (alliances with nothing committed are left out).</summary>
    public ImmutableDictionary<Guid, decimal> CommittedByAlliance { get; init; } = ImmutableDictionary<Guid, decimal>.Empty;

    /// <summary>Applications with money still reserved.</summary>
    public int ActiveCommitments { get; init; }

    public DateTimeOffset LastChangedAt { get; init; }
    public long LastEventSequence { get; init; }
}

public sealed partial class ProgrammeBudgetProjection : MultiStreamProjection<ProgrammeBudget, Guid>
{
    public ProgrammeBudgetProjection()
    {
        Identity<FundingProgrammeLaunched>(e => e.ProgrammeId);
        Identity<FundingProgrammeToppedUp>(e => e.ProgrammeId);
        Identity<FundingProgrammeCut>(e => e.ProgrammeId);
        Identity<AlliancePlanningBudgetSet>(e => e.ProgrammeId);
        Identity<FundsCommitted>(e => e.ProgrammeId);
        Identity<FundsReleased>(e => e.ProgrammeId);
        Identity<PaymentReleased>(e => e.ProgrammeId);
        Identity<ReclaimDemanded>(e => e.ProgrammeId);
        Identity<RepaymentReceived>(e => e.ProgrammeId);
    }

    public static ProgrammeBudget Create(IEvent<FundingProgrammeLaunched> e) => new()
    {
        Id = e.Data.ProgrammeId,
        Name = e.Data.Name,
        TotalBudget = e.Data.TotalBudget,
        LastChangedAt = e.Timestamp,
        LastEventSequence = e.Sequence,
    };

    public static ProgrammeBudget Apply(IEvent<FundingProgrammeToppedUp> e, ProgrammeBudget b) =>
        Touched(e, b) with { TotalBudget = b.TotalBudget + e.Data.Amount, ToppedUp = b.ToppedUp + e.Data.Amount };

    public static ProgrammeBudget Apply(IEvent<FundingProgrammeCut> e, ProgrammeBudget b) =>
        Touched(e, b) with { TotalBudget = b.TotalBudget - e.Data.Amount, Cut = b.Cut + e.Data.Amount };

    public static ProgrammeBudget Apply(IEvent<AlliancePlanningBudgetSet> e, ProgrammeBudget b) =>
        Touched(e, b) with { PlanningBudgets = new Dictionary<Guid, decimal>(b.PlanningBudgets) { [e.Data.AllianceId] = e.Data.Amount } };

    // Running sums, moved by each event: the budget tests compare them with sums computed independently from the events.
    // (A list of every commitment in this document made a large programme's budget slow to read and to rebuild.)
    public static ProgrammeBudget Apply(IEvent<FundsCommitted> e, ProgrammeBudget b) =>
        Touched(e, b) with
        {
            Committed = b.Committed + e.Data.Amount,
            OwnContributions = b.OwnContributions + e.Data.OwnContribution,
            CommittedByAlliance = Moved(b.CommittedByAlliance, e.Data.AllianceId, e.Data.Amount),
            ActiveCommitments = b.ActiveCommitments + 1,
        };

    public static ProgrammeBudget Apply(IEvent<FundsReleased> e, ProgrammeBudget b) =>
        Touched(e, b) with
        {
            Committed = b.Committed - e.Data.Amount,
            Released = b.Released + e.Data.Amount,
            OwnContributions = b.OwnContributions - e.Data.OwnContributionReleased,
            CommittedByAlliance = Moved(b.CommittedByAlliance, e.Data.AllianceId, -e.Data.Amount),
            ActiveCommitments = b.ActiveCommitments - (e.Data.RemainingCommitment == 0 ? 1 : 0),
        };

    public static ProgrammeBudget Apply(IEvent<PaymentReleased> e, ProgrammeBudget b) => Touched(e, b) with { Paid = b.Paid + e.Data.Amount };

    public static ProgrammeBudget Apply(IEvent<ReclaimDemanded> e, ProgrammeBudget b) => Touched(e, b) with { Reclaimed = b.Reclaimed + e.Data.Amount };

    public static ProgrammeBudget Apply(IEvent<RepaymentReceived> e, ProgrammeBudget b) => Touched(e, b) with { Repaid = b.Repaid + e.Data.Amount };

    private static ImmutableDictionary<Guid, decimal> Moved(ImmutableDictionary<Guid, decimal> sums, Guid allianceId, decimal by)
    {
        var sum = sums.GetValueOrDefault(allianceId) + by;
        return sum == 0 ? sums.Remove(allianceId) : sums.SetItem(allianceId, sum);
    }

    private static ProgrammeBudget Touched(IEvent e, ProgrammeBudget b) => b with { LastChangedAt = e.Timestamp, LastEventSequence = e.Sequence };
}

public sealed record AlliancePlanning(Guid AllianceId, string? AllianceName, decimal? Planned, decimal Committed, decimal? Left);

public sealed record ProgrammeBudgetView(
    Guid ProgrammeId,
    string Name,
    decimal TotalBudget,
    decimal ToppedUp,
    decimal Cut,
    decimal Committed,
    decimal Released,
    decimal Remaining,
    decimal OwnContributions,
    decimal Paid,
    decimal Reclaimed,
    decimal Repaid,
    int ActiveCommitments,
    IReadOnlyList<AlliancePlanning> Alliances,
    DateTimeOffset AsOf);

public static class GetProgrammeBudgetEndpoint
{
    /// <summary>The budget dashboard of one programme; alliances are named from their current details.</summary>
    [WolverineGet("/api/programmes/{id}/budget")]
    public static async Task<ProgrammeBudgetView> Get([Document] ProgrammeBudget budget, IQuerySession session, CancellationToken cancellation)
    {
        var allianceIds = budget.CommittedByAlliance.Keys.Union(budget.PlanningBudgets.Keys).ToArray();
        var names = (await session.LoadManyAsync<AllianceDetails>(cancellation, allianceIds)).ToDictionary(a => a.Id, a => a.Name);
        var alliances = allianceIds
            .Select(id =>
            {
                var planned = budget.PlanningBudgets.TryGetValue(id, out var p) ? p : (decimal?)null;
                var committed = budget.CommittedByAlliance.GetValueOrDefault(id);
                return new AlliancePlanning(id, names.GetValueOrDefault(id), planned, committed, planned - committed);
            })
            .OrderBy(a => a.AllianceName)
            .ToList();

        return new ProgrammeBudgetView(budget.Id, budget.Name, budget.TotalBudget, budget.ToppedUp, budget.Cut, budget.Committed,
            budget.Released, budget.Remaining, budget.OwnContributions, budget.Paid, budget.Reclaimed, budget.Repaid, budget.ActiveCommitments,
            alliances, budget.LastChangedAt);
    }
}
