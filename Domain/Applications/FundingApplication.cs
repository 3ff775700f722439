using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Applications;

public enum ApplicationStatus
{
    Draft,
    Submitted,
    DocumentsRequested,
    FormallyComplete,
    AllianceVoted,
    DecisionProposed,
    /// <summary>The approval is confirmed; the budget commitment workflow is reserving the money.</summary>
    AwaitingCommitment,
    Approved,
    /// <summary>The confirmed approval could not be funded; the caseworker proposes again (e.g. a lower amount) or rejects.</summary>
    ApprovalBlocked,
    Rejected,
    Withdrawn,
    Lapsed,
}

public sealed record DocumentRequest(int Number, IReadOnlyList<string> Documents, DateTimeOffset DueBy);

public sealed record Vote(Guid CastOnBehalfOf, bool Recommends, long BasedOnVersion);

public sealed record Proposal(
    int Number, DecisionKind Kind, decimal? Amount, IReadOnlyList<string> Conditions, string? Reason, string? PlanningExceedanceReason,
    string ProposedBy);

/// <summary>Write model of a funding application (Förderantrag), folded from its events.</summary>
public sealed record FundingApplication(
    Guid Id,
    ApplicationStatus Status,
    Guid ApplicantId,
    Guid ProgrammeId,
    Guid AllianceId,
    string District,
    ProjectPlan Plan,
    SubmissionTerms? Terms,
    DocumentRequest? OpenDocumentRequest,
    int DocumentRequests,
    Vote? Vote,
    Proposal? Proposal,
    int Proposals,
    decimal? ApprovedAmount,
    DateTimeOffset? DecisionDueBy,
    bool ReminderRaised) : IEventSourced<FundingApplication>
{
    public bool IsClosed => Status is ApplicationStatus.Rejected or ApplicationStatus.Withdrawn or ApplicationStatus.Lapsed;

    /// <summary>Complete and not yet decided: the time a decision takes counts against the reminder.</summary>
    public bool IsAwaitingDecision => Status is ApplicationStatus.FormallyComplete or ApplicationStatus.AllianceVoted
        or ApplicationStatus.DecisionProposed or ApplicationStatus.ApprovalBlocked;

    public static FundingApplication Evolve(FundingApplication? application, object @event) => (application, @event) switch
    {
        (null, ApplicationDrafted drafted) => new FundingApplication(drafted.ApplicationId, ApplicationStatus.Draft, drafted.ApplicantId,
            drafted.ProgrammeId, drafted.AllianceId, drafted.District, drafted.Plan, null, null, 0, null, null, 0, null, null, false),
        (null, _) => throw new UnexpectedFirstEventException(typeof(FundingApplication), @event),

        (_, ApplicationAmended amended) => application with { Plan = amended.Plan },
        (_, ApplicationSubmitted submitted) => application with { Status = ApplicationStatus.Submitted, Terms = submitted.Terms },
        (_, DocumentsRequested requested) => application with
        {
            Status = ApplicationStatus.DocumentsRequested,
            OpenDocumentRequest = new DocumentRequest(requested.RequestNumber, requested.Documents, requested.DueBy),
            DocumentRequests = requested.RequestNumber,
        },
        (_, DocumentsSupplied) => application with { Status = ApplicationStatus.Submitted, OpenDocumentRequest = null },
        (_, ApplicationLapsed) => application with { Status = ApplicationStatus.Lapsed },
        (_, ApplicationFormallyCompleted completed) => application with
        {
            Status = ApplicationStatus.FormallyComplete,
            DecisionDueBy = completed.DecisionDueBy,
        },
        (_, AllianceVoteCast vote) => application with
        {
            Status = ApplicationStatus.AllianceVoted,
            Vote = new Vote(vote.CastOnBehalfOf, vote.Recommends, vote.BasedOnVersion),
        },
        (_, DecisionProposed proposed) => application with
        {
            Status = ApplicationStatus.DecisionProposed,
            Proposal = new Proposal(proposed.ProposalNumber, proposed.Kind, proposed.Amount, proposed.Conditions, proposed.Reason,
                proposed.PlanningExceedanceReason, proposed.RecordedBy),
            Proposals = proposed.ProposalNumber,
        },
        (_, DecisionReturned) => application with
        {
            Status = application.Vote is null ? ApplicationStatus.FormallyComplete : ApplicationStatus.AllianceVoted,
            Proposal = null,
        },
        (_, DecisionConfirmed confirmed) => application with
        {
            Status = confirmed.Kind == DecisionKind.Approve ? ApplicationStatus.AwaitingCommitment : application.Status,
        },
        (_, ApplicationRejected) => application with { Status = ApplicationStatus.Rejected },
        (_, ApplicationApproved approved) => application with { Status = ApplicationStatus.Approved, ApprovedAmount = approved.Amount },
        (_, ApprovalBlocked) => application with { Status = ApplicationStatus.ApprovalBlocked, Proposal = null },
        (_, ApprovedAmountReduced reduced) => application with { ApprovedAmount = reduced.Amount },
        (_, ApplicationWithdrawn) => application with { Status = ApplicationStatus.Withdrawn },
        (_, DecisionReminderRaised) => application with { ReminderRaised = true },
        _ => application,
    };
}
