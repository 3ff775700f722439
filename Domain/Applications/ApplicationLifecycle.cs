namespace Fachwerk.Domain.Applications;

/// <summary>
/// The status machine of a funding application: which status each event leads to. The write model and every read model
/// follow this one function, so they cannot disagree about where an application stands.
/// </summary>
public static class ApplicationLifecycle
{
    /// <summary>The status after <paramref name="event"/>, from the status before it.</summary>
    /// <param name="voted">Whether the alliance had voted: a returned proposal goes back to where the vote left the application.</param>
    /// <param name="repaymentDue">What was still to be repaid before the event: the last repayment ends the reclaim.</param>
    public static ApplicationStatus StatusAfter(ApplicationStatus status, object @event, bool voted, decimal repaymentDue) => @event switch
    {
        ApplicationDrafted => ApplicationStatus.Draft,
        ApplicationSubmitted or DocumentsSupplied => ApplicationStatus.Submitted,
        DocumentsRequested => ApplicationStatus.DocumentsRequested,
        ApplicationLapsed => ApplicationStatus.Lapsed,
        ApplicationFormallyCompleted => ApplicationStatus.FormallyComplete,
        AllianceVoteCast => ApplicationStatus.AllianceVoted,
        DecisionProposed => ApplicationStatus.DecisionProposed,
        DecisionReturned => voted ? ApplicationStatus.AllianceVoted : ApplicationStatus.FormallyComplete,
        // A confirmed rejection is followed by ApplicationRejected in the same command.
        DecisionConfirmed { Kind: DecisionKind.Approve } => ApplicationStatus.AwaitingCommitment,
        ApplicationRejected => ApplicationStatus.Rejected,
        ApplicationApproved => ApplicationStatus.Approved,
        ApprovalBlocked => ApplicationStatus.ApprovalBlocked,
        ApplicationWithdrawn => ApplicationStatus.Withdrawn,
        ReclaimDemanded { RepaymentDue: > 0 } => ApplicationStatus.ReclaimDemanded,
        RepaymentReceived repayment => repaymentDue - repayment.Amount > 0 ? status : ApplicationStatus.Approved,
        ApplicationClosed => ApplicationStatus.Closed,
        // Who works on a case is the authority's bookkeeping, not a step of the application.
        CaseAssigned or CaseReleased => status,
        // The account the grant is paid into is bookkeeping of the payments, not a step of the application (ADR 0084).
        PayeeAccountProposed or PayeeAccountConfirmed => status,
        // Reviews prepare the alliance's vote (ADR 0093); they move nothing along.
        ReviewerAssigned or ReviewerConflictDeclared or ApplicationReviewed => status,
        // An amendment changes the decision's terms, not where the grant stands (ADR 0121).
        AmendmentProposed or AmendmentConfirmed or AmendmentReturned or AmendmentBlocked or DecisionAmended => status,
        // An amendment's obligations change what the grant obliges, not where it stands (ADR 0129).
        ObligationAmended or ObligationLifted => status,
        _ => status,
    };

    /// <summary>Rejected, withdrawn, lapsed or closed: nothing more happens to the application.</summary>
    public static bool IsClosed(ApplicationStatus status) =>
        status is ApplicationStatus.Rejected or ApplicationStatus.Withdrawn or ApplicationStatus.Lapsed or ApplicationStatus.Closed;

    /// <summary>Whether an application in this status keeps its approved amount committed in the programme.</summary>
    public static bool KeepsCommitment(ApplicationStatus status) =>
        status is ApplicationStatus.Approved or ApplicationStatus.ReclaimDemanded or ApplicationStatus.Closed;
}
