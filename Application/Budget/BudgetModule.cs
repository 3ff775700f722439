using Wolverine;

namespace Fachwerk.Application.Budget;

/// <summary>The budget commitment workflow's queue and routing (ADR 0010, ADR 0033).</summary>
public sealed class BudgetModule : FachwerkModule
{
    public override void ConfigureMessaging(WolverineOptions opts) => BudgetWorkflow.ConfigureMessaging(opts);
}
