using System.Collections.Immutable;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Programmes;

/// <summary>
/// What a programme holds back for one approved application (Mittelbindung). Kept beside the programme, one per application,
/// so the programme's own write model stays the same size however many applications it funds.
/// </summary>
public sealed record Commitment(Guid ApplicationId, Guid ProgrammeId, Guid AllianceId, decimal Amount, decimal OwnContribution)
{
    /// <summary>Folds the programme's events about one application; null once nothing is committed for it any more.</summary>
    public static Commitment? Evolve(Commitment? commitment, object @event) => @event switch
    {
        FundsCommitted committed => new Commitment(committed.ApplicationId, committed.ProgrammeId, committed.AllianceId, committed.Amount,
            committed.OwnContribution),
        FundsReleased { RemainingCommitment: 0 } => null,
        FundsReleased released when commitment is not null => commitment with { Amount = released.RemainingCommitment },
        _ => commitment,
    };
}

/// <summary>
/// Write model of a funding programme (Förderprogramm): its budget, rules and what is committed, in total and per alliance.
/// Which application holds how much is in <see cref="Commitment"/>.
/// </summary>
public sealed record FundingProgramme(
    Guid Id,
    string Name,
    Period FundingPeriod,
    decimal TotalBudget,
    ProgrammeRules Rules,
    ImmutableDictionary<Guid, decimal> PlanningBudgets,
    ImmutableDictionary<Guid, decimal> CommittedByAlliance) : IEventSourced<FundingProgramme>
{
    public decimal Committed => CommittedByAlliance.Values.Sum();

    public decimal Available => TotalBudget - Committed;

    public decimal CommittedFor(Guid allianceId) => CommittedByAlliance.GetValueOrDefault(allianceId);

    public static FundingProgramme Evolve(FundingProgramme? programme, object @event) => (programme, @event) switch
    {
        (null, FundingProgrammeLaunched launched) => new FundingProgramme(launched.ProgrammeId, launched.Name, launched.FundingPeriod,
            launched.TotalBudget, launched.Rules, ImmutableDictionary<Guid, decimal>.Empty, ImmutableDictionary<Guid, decimal>.Empty),
        (null, _) => throw new UnexpectedFirstEventException(typeof(FundingProgramme), @event),

        (_, FundingProgrammeToppedUp topUp) => programme with { TotalBudget = programme.TotalBudget + topUp.Amount },
        (_, FundingProgrammeCut cut) => programme with { TotalBudget = programme.TotalBudget - cut.Amount },
        (_, AlliancePlanningBudgetSet planning) => programme with
        {
            PlanningBudgets = programme.PlanningBudgets.SetItem(planning.AllianceId, planning.Amount),
        },
        (_, FundsCommitted or FundsReleased) => programme with { CommittedByAlliance = CommittedSums.After(programme.CommittedByAlliance, @event) },
        _ => programme,
    };
}
