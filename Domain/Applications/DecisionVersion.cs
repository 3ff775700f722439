namespace Fachwerk.Domain.Applications;

/// <summary>
/// One version of the approved decision: the approval is version 1, every confirmed amendment, reduction and reclaim adds one (ADR 0121). Payments follow
/// the version in force on their day.
/// </summary>
public sealed record DecisionVersion(
    int Version, DateOnly EffectiveFrom, decimal Amount, DateOnly ProjectEnd, IReadOnlyList<string> Conditions, CostPlan CostPlan);
