using Fachwerk.Domain.Applications;
using Wolverine;

namespace Fachwerk.Application.Budget;

/// <summary>
/// The budget commitment workflow's one trigger (ADR 0033): from an application and the events a command just produced,
/// the workflow steps that follow. A confirmed approval commits the money; a withdrawal after approval, a reduction, a reclaim
/// or a closing with grant left uncalled releases what the application no longer keeps. Every endpoint that can start or
/// stop the workflow sends what this answers, in the same transaction as its events (Wolverine's outbox).
/// </summary>
public static class BudgetWorkflow
{
    public const string Queue = "budget";

    public static OutgoingMessages Follows(FundingApplication application, IEnumerable<object> events)
    {
        ArgumentNullException.ThrowIfNull(application);
        OutgoingMessages steps = [];
        foreach (var e in events)
        {
            switch (e)
            {
                case DecisionConfirmed { Kind: DecisionKind.Approve } confirmed:
                    steps.Add(new CommitFunds(application.ProgrammeId, application.Id, application.ApplicantId, confirmed.ProposalNumber));
                    break;
                case ApplicationWithdrawn { WithdrawnFrom: ApplicationStatus.Approved } withdrawn:
                    steps.Add(Release(application, "Application withdrawn", withdrawn.Reason));
                    break;
                case ApprovedAmountReduced reduced:
                    steps.Add(Release(application, "Approved amount reduced", reduced.Reason));
                    break;
                case ReclaimDemanded reclaim:
                    steps.Add(Release(application, "Reclaim", reclaim.Reason));
                    break;
                case ApplicationClosed { Unpaid: > 0 }:
                    steps.Add(Release(application, "Case closed", "the rest of the grant was not called"));
                    break;
            }
        }

        // A release brings the commitment down to what the application keeps after all of the command's events: one is enough.
        return [.. steps.Where(s => s is not ReleaseFunds).Concat(steps.OfType<ReleaseFunds>().Take(1))];
    }

    /// <summary>
    /// The workflow's steps run one at a time per node on a durable local queue. The programme stream's version check keeps
    /// several nodes correct; a conflicting step is retried with fresh state (the host-wide retry on concurrency conflicts).
    /// </summary>
    public static void ConfigureMessaging(WolverineOptions opts)
    {
        opts.LocalQueue(Queue).Sequential();
        opts.PublishMessage<CommitFunds>().ToLocalQueue(Queue);
        opts.PublishMessage<ReleaseFunds>().ToLocalQueue(Queue);
    }

    private static ReleaseFunds Release(FundingApplication application, string why, string? reason) =>
        new(application.ProgrammeId, application.Id, application.ApplicantId, $"{why}: {reason?.Trim()}");
}
