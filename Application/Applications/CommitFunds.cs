using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using JasperFx.Events;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>Step of the budget commitment workflow: reserve the confirmed approval of proposal <paramref name="ProposalNumber"/>.</summary>
public sealed record CommitFunds(Guid ProgrammeId, Guid ApplicationId, int ProposalNumber);

/// <summary>
/// Reserves the money and approves the application in one transaction across both streams, or blocks the approval
/// with the reason. Runs on the sequential "budget" queue; the programme stream's version check keeps it correct
/// even when several nodes commit at once (a conflict is retried). Redelivery changes nothing.
/// </summary>
public static class CommitFundsHandler
{
    public static void Handle(
        CommitFunds step,
        [WriteAggregate(nameof(CommitFunds.ProgrammeId))] IEventStream<FundingProgramme> programme,
        [WriteAggregate(nameof(CommitFunds.ApplicationId))] IEventStream<FundingApplication> application,
        TimeProvider clock)
    {
        var outcome = BudgetCommitment.Commit(programme.Aggregate!, application.Aggregate!, step.ProposalNumber, clock.GetUtcNow());
        programme.AppendMany(outcome.ProgrammeEvents);
        application.AppendMany(outcome.ApplicationEvents);
    }
}
