using Fachwerk.Application.Alliances;
using Fachwerk.Domain.Programmes;
using JasperFx.Events;
using Marten;
using Fachwerk.Domain.Applications;
using Marten.Events.Projections;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Programmes;

public sealed record BudgetCommitmentLine(Guid ApplicationId, Guid AllianceId, decimal Amount, decimal OwnContribution);

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
    public IReadOnlyDictionary<Guid, BudgetCommitmentLine> CommitmentLines { get; init; } = new Dictionary<Guid, BudgetCommitmentLine>();
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

    public static ProgrammeBudget Apply(IEvent<FundsCommitted> e, ProgrammeBudget b) =>
        Recalculated(Touched(e, b), new Dictionary<Guid, BudgetCommitmentLine>(b.CommitmentLines)
        {
            [e.Data.ApplicationId] = new(e.Data.ApplicationId, e.Data.AllianceId, e.Data.Amount, e.Data.OwnContribution),
        });

    public static ProgrammeBudget Apply(IEvent<FundsReleased> e, ProgrammeBudget b)
    {
        var lines = new Dictionary<Guid, BudgetCommitmentLine>(b.CommitmentLines);
        if (e.Data.RemainingCommitment == 0)
            lines.Remove(e.Data.ApplicationId);
        else
            lines[e.Data.ApplicationId] = lines[e.Data.ApplicationId] with { Amount = e.Data.RemainingCommitment };
        return Recalculated(Touched(e, b), lines) with { Released = b.Released + e.Data.Amount };
    }

    public static ProgrammeBudget Apply(IEvent<PaymentReleased> e, ProgrammeBudget b) => Touched(e, b) with { Paid = b.Paid + e.Data.Amount };

    public static ProgrammeBudget Apply(IEvent<ReclaimDemanded> e, ProgrammeBudget b) => Touched(e, b) with { Reclaimed = b.Reclaimed + e.Data.Amount };

    public static ProgrammeBudget Apply(IEvent<RepaymentReceived> e, ProgrammeBudget b) => Touched(e, b) with { Repaid = b.Repaid + e.Data.Amount };

    // Sums are recomputed from the lines, so the totals always equal what the lines say.
    private static ProgrammeBudget Recalculated(ProgrammeBudget b, Dictionary<Guid, BudgetCommitmentLine> lines) =>
        b with
        {
            CommitmentLines = lines,
            Committed = lines.Values.Sum(l => l.Amount),
            OwnContributions = lines.Values.Sum(l => l.OwnContribution),
        };

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
        var committedByAlliance = budget.CommitmentLines.Values.GroupBy(l => l.AllianceId).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
        var allianceIds = committedByAlliance.Keys.Union(budget.PlanningBudgets.Keys).ToArray();
        var names = (await session.LoadManyAsync<AllianceDetails>(cancellation, allianceIds)).ToDictionary(a => a.Id, a => a.Name);

        var alliances = allianceIds
            .Select(id =>
            {
                var planned = budget.PlanningBudgets.TryGetValue(id, out var p) ? p : (decimal?)null;
                var committed = committedByAlliance.GetValueOrDefault(id);
                return new AlliancePlanning(id, names.GetValueOrDefault(id), planned, committed, planned - committed);
            })
            .OrderBy(a => a.AllianceName)
            .ToList();

        return new ProgrammeBudgetView(budget.Id, budget.Name, budget.TotalBudget, budget.ToppedUp, budget.Cut, budget.Committed,
            budget.Released, budget.Remaining, budget.OwnContributions, budget.Paid, budget.Reclaimed, budget.Repaid, budget.CommitmentLines.Count,
            alliances, budget.LastChangedAt);
    }
}
