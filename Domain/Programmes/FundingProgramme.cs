using System.Collections.Immutable;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Programmes;

public sealed record Commitment(Guid ApplicationId, Guid AllianceId, decimal Amount, decimal OwnContribution);

/// <summary>Write model of a funding programme (Förderprogramm): its budget, rules and what is committed.</summary>
public sealed record FundingProgramme(
    Guid Id,
    string Name,
    Period FundingPeriod,
    decimal TotalBudget,
    ProgrammeRules Rules,
    ImmutableDictionary<Guid, decimal> PlanningBudgets,
    ImmutableDictionary<Guid, Commitment> Commitments) : IEventSourced<FundingProgramme>
{
    public decimal Committed => Commitments.Values.Sum(c => c.Amount);

    public decimal Available => TotalBudget - Committed;

    public decimal CommittedFor(Guid allianceId) => Commitments.Values.Where(c => c.AllianceId == allianceId).Sum(c => c.Amount);

    public static FundingProgramme Evolve(FundingProgramme? programme, object @event) => (programme, @event) switch
    {
        (null, FundingProgrammeLaunched launched) => new FundingProgramme(launched.ProgrammeId, launched.Name, launched.FundingPeriod,
            launched.TotalBudget, launched.Rules, ImmutableDictionary<Guid, decimal>.Empty, ImmutableDictionary<Guid, Commitment>.Empty),
        (null, _) => throw new UnexpectedFirstEventException(typeof(FundingProgramme), @event),

        (_, FundingProgrammeToppedUp topUp) => programme with { TotalBudget = programme.TotalBudget + topUp.Amount },
        (_, FundingProgrammeCut cut) => programme with { TotalBudget = programme.TotalBudget - cut.Amount },
        (_, AlliancePlanningBudgetSet planning) => programme with
        {
            PlanningBudgets = programme.PlanningBudgets.SetItem(planning.AllianceId, planning.Amount),
        },
        (_, FundsCommitted committed) => programme with
        {
            Commitments = programme.Commitments.SetItem(committed.ApplicationId,
                new Commitment(committed.ApplicationId, committed.AllianceId, committed.Amount, committed.OwnContribution)),
        },
        (_, FundsReleased released) => programme with
        {
            Commitments = released.RemainingCommitment == 0
                ? programme.Commitments.Remove(released.ApplicationId)
                : programme.Commitments.SetItem(released.ApplicationId,
                    programme.Commitments[released.ApplicationId] with { Amount = released.RemainingCommitment }),
        },
        _ => programme,
    };
}
