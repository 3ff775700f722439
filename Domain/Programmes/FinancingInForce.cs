namespace Fachwerk.Domain.Programmes;

/// <summary>
/// The financing of a grant's decision version that has come into force (ADR 0131): what the programme's commitment of the application
/// counts besides the money.
/// </summary>
/// <param name="DecisionVersion">The decision's version (the approval is 1).</param>
/// <param name="EffectiveFrom">The day it is in force from.</param>
/// <param name="TotalCosts">The eligible costs, in EUR.</param>
/// <param name="OwnContribution">The applicant's own contribution, in EUR.</param>
/// <param name="ThirdPartyFunding">Money from third parties, in EUR.</param>
/// <param name="Reason">Why the decision was amended.</param>
public sealed record FinancingInForce(
    int DecisionVersion, DateOnly EffectiveFrom, decimal TotalCosts, decimal OwnContribution, decimal ThirdPartyFunding, string Reason);
