using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.Domain.Applications;

/// <summary>Events for both streams of one budget commitment step; both are appended in one transaction.</summary>
public sealed record CommitmentStep(IReadOnlyList<object> ProgrammeEvents, IReadOnlyList<object> ApplicationEvents)
{
    public static readonly CommitmentStep Nothing = new([], []);
}

/// <summary>
/// The budget commitment workflow as pure decisions. A confirmed approval reserves its amount in the programme and
/// is approved in the same transaction, or is blocked with the reason and nothing reserved. A redelivered step,
/// or one overtaken by a withdrawal or a newer proposal, changes nothing.
/// </summary>
public static class BudgetCommitment
{
    public const string Actor = "system:budget-commitment";

    public static CommitmentStep Commit(FundingProgramme programme, FundingApplication application, int proposalNumber, DateTimeOffset now)
    {
        if (application.Status != ApplicationStatus.AwaitingCommitment || application.Proposal?.Number != proposalNumber)
            return CommitmentStep.Nothing;

        var proposal = application.Proposal;
        var stamp = new Stamp(Actor, now);
        var approved = new ApplicationApproved(application.Id, programme.Id, proposal.Amount!.Value, proposal.Conditions, stamp.By, stamp.At);
        if (programme.Commitments.ContainsKey(application.Id))
            return new CommitmentStep([], [approved]);

        return ProgrammeDecider.Commit(programme, application.Id, application.AllianceId, proposal.Amount.Value,
                application.Plan.OwnContribution, proposal.PlanningExceedanceReason, stamp) switch
        {
            CommitmentOutcome.Committed committed => new CommitmentStep([committed.Event], [approved]),
            CommitmentOutcome.Refused refused => new CommitmentStep([],
                [new ApprovalBlocked(application.Id, proposal.Number, refused.Code, refused.Reason, stamp.By, stamp.At)]),
            _ => throw new InvalidOperationException("Unknown commitment outcome."),
        };
    }

    /// <summary>Brings the application's commitment down to what it keeps: 0 after a withdrawal, the new amount after a reduction.</summary>
    public static IReadOnlyList<object> Release(FundingProgramme programme, FundingApplication application, string reason, DateTimeOffset now)
    {
        var keeps = application.Status == ApplicationStatus.Approved ? application.ApprovedAmount ?? 0 : 0;
        return ProgrammeDecider.Release(programme, application.Id, keeps, reason, new Stamp(Actor, now));
    }
}
