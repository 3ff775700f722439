using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>Step of the budget commitment workflow: bring the application's commitment down to what it still keeps.</summary>
public sealed record ReleaseFunds(Guid ProgrammeId, Guid ApplicationId, string Reason);

/// <summary>
/// Releases what an application no longer needs: everything after a withdrawal, the difference after a reduction.
/// Computed from both streams' current state, so a redelivered or late message releases nothing twice.
/// </summary>
public static class ReleaseFundsHandler
{
    public static Events Handle(
        ReleaseFunds step,
        [WriteAggregate(nameof(ReleaseFunds.ProgrammeId))] FundingProgramme programme,
        [ReadAggregate(nameof(ReleaseFunds.ApplicationId))] FundingApplication application,
        TimeProvider clock) =>
        [.. BudgetCommitment.Release(programme, application, step.Reason, clock.GetUtcNow())];
}
