using System.Collections.Immutable;
using Fachwerk.Application.Alliances;
using Fachwerk.Domain.Programmes;
using JasperFx.Events;
using Marten;
using Fachwerk.Domain.Applications;
using Marten.Events.Projections;
using Wolverine.Http;
using Fachwerk.Application.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

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

    /// <summary>What is committed per alliance, kept beside the lines so the dashboard never has to read them.</summary>
    public ImmutableDictionary<Guid, decimal> CommittedByAlliance { get; init; } = ImmutableDictionary<Guid, decimal>.Empty;

    /// <summary>The open commitment of each application (immutable, so an event costs one insertion, not a copy of thousands of lines).</summary>
    public ImmutableDictionary<Guid, BudgetCommitmentLine> CommitmentLines { get; init; } = ImmutableDictionary<Guid, BudgetCommitmentLine>.Empty;

    public int ActiveCommitments => CommitmentLines.Count;

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
        WithLine(Touched(e, b), e.Data.ApplicationId, new(e.Data.ApplicationId, e.Data.AllianceId, e.Data.Amount, e.Data.OwnContribution));

    public static ProgrammeBudget Apply(IEvent<FundsReleased> e, ProgrammeBudget b)
    {
        var line = b.CommitmentLines[e.Data.ApplicationId];
        return WithLine(Touched(e, b), line.ApplicationId, e.Data.RemainingCommitment == 0 ? null : line with { Amount = e.Data.RemainingCommitment })
            with { Released = b.Released + e.Data.Amount };
    }

    public static ProgrammeBudget Apply(IEvent<PaymentReleased> e, ProgrammeBudget b) => Touched(e, b) with { Paid = b.Paid + e.Data.Amount };

    public static ProgrammeBudget Apply(IEvent<ReclaimDemanded> e, ProgrammeBudget b) => Touched(e, b) with { Reclaimed = b.Reclaimed + e.Data.Amount };

    public static ProgrammeBudget Apply(IEvent<RepaymentReceived> e, ProgrammeBudget b) => Touched(e, b) with { Repaid = b.Repaid + e.Data.Amount };

    /// <summary>
    /// Replaces an application's commitment line (null: removes it) and moves the sums by the difference. The budget tests
    /// compare these sums with sums computed independently from the events.
    /// </summary>
    private static ProgrammeBudget WithLine(ProgrammeBudget b, Guid applicationId, BudgetCommitmentLine? line)
    {
        var before = b.CommitmentLines.GetValueOrDefault(applicationId);
        var byAlliance = b.CommittedByAlliance;
        if (before is not null) byAlliance = Moved(byAlliance, before.AllianceId, -before.Amount);
        if (line is not null) byAlliance = Moved(byAlliance, line.AllianceId, line.Amount);
        return b with
        {
            CommitmentLines = line is null ? b.CommitmentLines.Remove(applicationId) : b.CommitmentLines.SetItem(applicationId, line),
            CommittedByAlliance = byAlliance,
            Committed = b.Committed - (before?.Amount ?? 0) + (line?.Amount ?? 0),
            OwnContributions = b.OwnContributions - (before?.OwnContribution ?? 0) + (line?.OwnContribution ?? 0),
        };
    }

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

/// <summary>The part of a budget document the dashboard shows: everything but the commitment lines.</summary>
public sealed record ProgrammeBudgetFigures
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public decimal TotalBudget { get; init; }
    public decimal ToppedUp { get; init; }
    public decimal Cut { get; init; }
    public decimal Committed { get; init; }
    public decimal Released { get; init; }
    public decimal OwnContributions { get; init; }
    public decimal Paid { get; init; }
    public decimal Reclaimed { get; init; }
    public decimal Repaid { get; init; }
    public int ActiveCommitments { get; init; }
    public IReadOnlyDictionary<Guid, decimal> PlanningBudgets { get; init; } = new Dictionary<Guid, decimal>();
    public IReadOnlyDictionary<Guid, decimal> CommittedByAlliance { get; init; } = new Dictionary<Guid, decimal>();
    public DateTimeOffset LastChangedAt { get; init; }
}

public static class GetProgrammeBudgetEndpoint
{
    /// <summary>
    /// The budget dashboard of one programme; alliances are named from their current details. Only the figures are read
    /// from the document, not its commitment lines (thousands in a large programme).
    /// </summary>
    [WolverineGet("/api/programmes/{id}/budget")]
    [ProducesResponseType<ProgrammeBudgetView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellation)
    {
        var budget = await session.Query<ProgrammeBudget>()
            .Where(b => b.Id == id)
            .Select(b => new ProgrammeBudgetFigures
            {
                Id = b.Id, Name = b.Name, TotalBudget = b.TotalBudget, ToppedUp = b.ToppedUp, Cut = b.Cut, Committed = b.Committed,
                Released = b.Released, OwnContributions = b.OwnContributions, Paid = b.Paid, Reclaimed = b.Reclaimed, Repaid = b.Repaid,
                ActiveCommitments = b.ActiveCommitments, PlanningBudgets = b.PlanningBudgets, CommittedByAlliance = b.CommittedByAlliance,
                LastChangedAt = b.LastChangedAt,
            })
            .SingleOrDefaultAsync(cancellation);
        if (budget is null) return AuditProblems.NotFound($"There is no budget of a funding programme with id {id}.");

        var allianceIds = budget.CommittedByAlliance.Keys.Union(budget.PlanningBudgets.Keys).ToArray();
        var names = (await session.LoadManyAsync<AllianceDetails>(cancellation, allianceIds)).ToDictionary(a => a.Id, a => a.Name);
        var alliances = allianceIds
            .Select(allianceId =>
            {
                var planned = budget.PlanningBudgets.TryGetValue(allianceId, out var p) ? p : (decimal?)null;
                var committed = budget.CommittedByAlliance.GetValueOrDefault(allianceId);
                return new AlliancePlanning(allianceId, names.GetValueOrDefault(allianceId), planned, committed, planned - committed);
            })
            .OrderBy(a => a.AllianceName)
            .ToList();

        return Results.Ok(new ProgrammeBudgetView(budget.Id, budget.Name, budget.TotalBudget, budget.ToppedUp, budget.Cut, budget.Committed,
            budget.Released, budget.TotalBudget - budget.Committed, budget.OwnContributions, budget.Paid, budget.Reclaimed, budget.Repaid,
            budget.ActiveCommitments, alliances, budget.LastChangedAt));
    }
}
