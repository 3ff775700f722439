using Fachwerk.Domain.Applications;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Applications;

public sealed record NamedReference(Guid Id, string Name);

public sealed record DocumentRequestRecord(
    int Number, IReadOnlyList<string> Documents, DateTimeOffset RequestedAt, DateTimeOffset DueBy,
    IReadOnlyList<string>? SuppliedReferences, DateTimeOffset? SuppliedAt);

public sealed record AllianceVoteRecord(
    Guid OnBehalfOf, bool Recommends, string Reasons, IReadOnlyDictionary<string, int> Scores, long BasedOnVersion, string CastBy,
    DateTimeOffset CastAt);

public enum ProposalOutcome
{
    Pending,
    Confirmed,
    Returned,
    Blocked,
}

public sealed record ProposalRecord(
    int Number, DecisionKind Decision, decimal? Amount, IReadOnlyList<string> Conditions, string? RejectionReason,
    string? PlanningExceedanceReason, long BasedOnVersion, string ProposedBy, DateTimeOffset ProposedAt,
    ProposalOutcome Outcome, string? DecidedBy, DateTimeOffset? DecidedAt, string? OutcomeReason);

/// <summary>
/// Everything about one funding application, as caseworkers and applicants see it: plan, documents, vote, proposals
/// and their outcome, the approved amount. Updated inline with every command.
/// </summary>
public sealed record ApplicationDetails
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public ApplicationStatus Status { get; init; }
    public NamedReference Applicant { get; init; } = null!;
    public NamedReference Programme { get; init; } = null!;
    public NamedReference Alliance { get; init; } = null!;
    public string District { get; init; } = "";
    public ProjectPlan Plan { get; init; } = null!;
    public SubmissionTerms? Terms { get; init; }
    public DateTimeOffset DraftedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? FormallyCompleteAt { get; init; }
    public DateTimeOffset? DecisionDueBy { get; init; }
    public DateTimeOffset? DecisionReminderRaisedAt { get; init; }
    public IReadOnlyList<DocumentRequestRecord> DocumentRequests { get; init; } = [];
    public AllianceVoteRecord? AllianceVote { get; init; }
    public IReadOnlyList<ProposalRecord> Proposals { get; init; } = [];
    public decimal? ApprovedAmount { get; init; }
    public IReadOnlyList<string> Conditions { get; init; } = [];
    public DateTimeOffset? ApprovedAt { get; init; }
    public string? ClosingReason { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset LastChangedAt { get; init; }
}

public sealed partial class ApplicationDetailsProjection : SingleStreamProjection<ApplicationDetails, Guid>
{
    public static ApplicationDetails Create(IEvent<ApplicationDrafted> e) => new()
    {
        Id = e.Data.ApplicationId,
        Version = e.Version,
        Status = ApplicationStatus.Draft,
        Applicant = new NamedReference(e.Data.ApplicantId, e.Data.ApplicantName),
        Programme = new NamedReference(e.Data.ProgrammeId, e.Data.ProgrammeName),
        Alliance = new NamedReference(e.Data.AllianceId, e.Data.AllianceName),
        District = e.Data.District,
        Plan = e.Data.Plan,
        DraftedAt = e.Timestamp,
        LastChangedAt = e.Timestamp,
    };

    public static ApplicationDetails Apply(IEvent<ApplicationAmended> e, ApplicationDetails a) => Touched(e, a) with { Plan = e.Data.Plan };

    public static ApplicationDetails Apply(IEvent<ApplicationSubmitted> e, ApplicationDetails a) =>
        Touched(e, a) with { Status = ApplicationStatus.Submitted, Terms = e.Data.Terms, SubmittedAt = e.Timestamp };

    public static ApplicationDetails Apply(IEvent<DocumentsRequested> e, ApplicationDetails a) =>
        Touched(e, a) with
        {
            Status = ApplicationStatus.DocumentsRequested,
            DocumentRequests = [.. a.DocumentRequests, new DocumentRequestRecord(e.Data.RequestNumber, e.Data.Documents, e.Timestamp, e.Data.DueBy, null, null)],
        };

    public static ApplicationDetails Apply(IEvent<DocumentsSupplied> e, ApplicationDetails a) =>
        Touched(e, a) with
        {
            Status = ApplicationStatus.Submitted,
            DocumentRequests = [.. a.DocumentRequests.Select(r => r.Number == e.Data.RequestNumber
                ? r with { SuppliedReferences = e.Data.DocumentReferences, SuppliedAt = e.Timestamp }
                : r)],
        };

    public static ApplicationDetails Apply(IEvent<ApplicationLapsed> e, ApplicationDetails a) =>
        Closed(e, a, ApplicationStatus.Lapsed, $"The documents requested were not supplied by {e.Data.DueBy:yyyy-MM-dd HH:mm} UTC.");

    public static ApplicationDetails Apply(IEvent<ApplicationFormallyCompleted> e, ApplicationDetails a) =>
        Touched(e, a) with { Status = ApplicationStatus.FormallyComplete, FormallyCompleteAt = e.Timestamp, DecisionDueBy = e.Data.DecisionDueBy };

    public static ApplicationDetails Apply(IEvent<AllianceVoteCast> e, ApplicationDetails a) =>
        Touched(e, a) with
        {
            Status = ApplicationStatus.AllianceVoted,
            AllianceVote = new AllianceVoteRecord(e.Data.CastOnBehalfOf, e.Data.Recommends, e.Data.Reasons, e.Data.Scores, e.Data.BasedOnVersion,
                e.Data.RecordedBy, e.Timestamp),
        };

    public static ApplicationDetails Apply(IEvent<DecisionProposed> e, ApplicationDetails a) =>
        Touched(e, a) with
        {
            Status = ApplicationStatus.DecisionProposed,
            Proposals =
            [
                .. a.Proposals,
                new ProposalRecord(e.Data.ProposalNumber, e.Data.Kind, e.Data.Amount, e.Data.Conditions, e.Data.Reason, e.Data.PlanningExceedanceReason,
                    e.Data.BasedOnVersion, e.Data.RecordedBy, e.Timestamp, ProposalOutcome.Pending, null, null, null),
            ],
        };

    public static ApplicationDetails Apply(IEvent<DecisionReturned> e, ApplicationDetails a) =>
        Decided(e, Touched(e, a) with { Status = a.AllianceVote is null ? ApplicationStatus.FormallyComplete : ApplicationStatus.AllianceVoted },
            e.Data.ProposalNumber, ProposalOutcome.Returned, e.Data.Reason);

    public static ApplicationDetails Apply(IEvent<DecisionConfirmed> e, ApplicationDetails a) =>
        Decided(e, Touched(e, a) with
        {
            Status = e.Data.Kind == DecisionKind.Approve ? ApplicationStatus.AwaitingCommitment : a.Status,
        }, e.Data.ProposalNumber, ProposalOutcome.Confirmed, null);

    public static ApplicationDetails Apply(IEvent<ApplicationRejected> e, ApplicationDetails a) =>
        Closed(e, a, ApplicationStatus.Rejected, e.Data.Reason);

    public static ApplicationDetails Apply(IEvent<ApplicationApproved> e, ApplicationDetails a) =>
        Touched(e, a) with { Status = ApplicationStatus.Approved, ApprovedAmount = e.Data.Amount, Conditions = e.Data.Conditions, ApprovedAt = e.Timestamp };

    public static ApplicationDetails Apply(IEvent<ApprovalBlocked> e, ApplicationDetails a) =>
        Decided(e, Touched(e, a) with { Status = ApplicationStatus.ApprovalBlocked }, e.Data.ProposalNumber, ProposalOutcome.Blocked, e.Data.Reason);

    public static ApplicationDetails Apply(IEvent<ApprovedAmountReduced> e, ApplicationDetails a) =>
        Touched(e, a) with { ApprovedAmount = e.Data.Amount };

    public static ApplicationDetails Apply(IEvent<ApplicationWithdrawn> e, ApplicationDetails a) =>
        Closed(e, a, ApplicationStatus.Withdrawn, e.Data.Reason);

    public static ApplicationDetails Apply(IEvent<DecisionReminderRaised> e, ApplicationDetails a) =>
        Touched(e, a) with { DecisionReminderRaisedAt = e.Timestamp };

    private static ApplicationDetails Touched(IEvent e, ApplicationDetails a) => a with { Version = e.Version, LastChangedAt = e.Timestamp };

    private static ApplicationDetails Closed(IEvent e, ApplicationDetails a, ApplicationStatus status, string reason) =>
        Touched(e, a) with { Status = status, ClosingReason = reason, ClosedAt = e.Timestamp };

    /// <summary>Records how proposal <paramref name="number"/> ended (only the first outcome counts: confirmation, then maybe a block).</summary>
    private static ApplicationDetails Decided(IEvent e, ApplicationDetails a, int number, ProposalOutcome outcome, string? reason) =>
        a with
        {
            Proposals = [.. a.Proposals.Select(p => p.Number == number && p.Outcome is ProposalOutcome.Pending or ProposalOutcome.Confirmed
                ? p with
                {
                    Outcome = outcome,
                    DecidedBy = p.Outcome == ProposalOutcome.Pending ? e.Data is IApplicationEvent fact ? fact.RecordedBy : null : p.DecidedBy,
                    DecidedAt = p.Outcome == ProposalOutcome.Pending ? e.Timestamp : p.DecidedAt,
                    OutcomeReason = reason,
                }
                : p)],
        };
}

public static class GetApplicationEndpoint
{
    [WolverineGet("/api/applications/{id}")]
    public static ApplicationDetails Get([Document] ApplicationDetails application) => application;
}
