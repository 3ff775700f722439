using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Wolverine.Marten;
using Wolverine;

namespace Fachwerk.Application.Budget;

/// <summary>
/// The budget commitment workflow's one trigger (ADR 0033): from an application and the events a command just produced,
/// the workflow steps that follow. A confirmed approval, or a confirmed amendment that raises the amount (ADR 0121), commits the
/// money; a withdrawal after approval, a reduction, an amendment to a lower amount, a reclaim
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
                case AmendmentConfirmed { Raise: > 0 } raise:
                    steps.Add(new CommitAmendment(application.ProgrammeId, application.Id, application.ApplicantId, raise.AmendmentNumber));
                    break;
                case DecisionAmended amended:
                    // A version in force without the workflow: its financing counts in the programme's commitment (ADR 0131).
                    if (amended.CostPlan.OwnContribution != application.Plan.OwnContribution)
                        steps.Add(new FollowAmendedFinancing(application.ProgrammeId, application.Id, amended));
                    if (amended.Amount < amended.PreviousAmount)
                        steps.Add(Release(application, "Decision amended", amended.Reason));
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
    /// What an endpoint answers and sends after appending <paramref name="events"/> to <paramref name="application"/>: the accepted
    /// command (saying what follows, when the workflow starts), the events, and the workflow's steps.
    /// </summary>
    public static (CommandAccepted, Events, OutgoingMessages) After(FundingApplication application, IChangeCommand command, Events events)
    {
        var steps = Follows(application, events);
        var accepted = CommandAccepted.After(application.Id, command, events);
        return (steps.Count == 0 ? accepted : accepted with { FollowUp = FollowUpOf(application, steps) }, events, steps);
    }

    private static FollowUp FollowUpOf(FundingApplication application, OutgoingMessages steps) =>
        steps.Any(s => s is CommitAmendment)
            ? new FollowUp("The budget workflow commits the raise in the programme and puts the amendment in force, or blocks it with the reason.",
                $"/api/applications/{application.Id}", "pendingAmendment is null")
            : steps.All(s => s is FollowAmendedFinancing)
            ? new FollowUp("The budget workflow counts the amended own contribution in the programme's budget.",
                $"/api/programmes/{application.ProgrammeId}/budget", "ownContributions includes the amended own contribution")
            : steps.Any(s => s is CommitFunds)
            ? new FollowUp("The budget workflow reserves the approved amount in the programme and approves the application, or blocks the approval with the reason.",
                $"/api/applications/{application.Id}", "status is Approved or ApprovalBlocked")
            : new FollowUp("The budget workflow releases what the application no longer keeps back to the programme.",
                $"/api/programmes/{application.ProgrammeId}/budget", "committed no longer includes the released amount");

    /// <summary>
    /// The workflow's steps run one at a time per node on a durable local queue. The programme stream's version check keeps
    /// several nodes correct; a conflicting step is retried with fresh state (the host-wide retry on concurrency conflicts).
    /// </summary>
    public static void ConfigureMessaging(WolverineOptions opts)
    {
        opts.LocalQueue(Queue).Sequential();
        opts.PublishMessage<CommitFunds>().ToLocalQueue(Queue);
        opts.PublishMessage<ReleaseFunds>().ToLocalQueue(Queue);
        opts.PublishMessage<CommitAmendment>().ToLocalQueue(Queue);
        opts.PublishMessage<FollowAmendedFinancing>().ToLocalQueue(Queue);
    }

    private static ReleaseFunds Release(FundingApplication application, string why, string? reason) =>
        new(application.ProgrammeId, application.Id, application.ApplicantId, $"{why}: {reason?.Trim()}");
}
