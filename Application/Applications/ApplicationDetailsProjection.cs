using Fachwerk.Domain.Applications;
using JasperFx.Events;
using Marten.Events.Aggregation;
using static Fachwerk.Domain.Programmes.ProgrammeDecider;

namespace Fachwerk.Application.Applications;

/// <summary>Keeps <see cref="ApplicationDetails"/> inline with every command; the status follows <see cref="ApplicationLifecycle"/>.</summary>
public sealed partial class ApplicationDetailsProjection : SingleStreamProjection<ApplicationDetails, Guid>
{
    public static ApplicationDetails Create(IEvent<ApplicationDrafted> e) => new()
    {
        Id = e.Data.ApplicationId,
        Version = e.Version,
        Status = ApplicationLifecycle.StatusAfter(ApplicationStatus.Draft, e.Data, voted: false, repaymentDue: 0),
        Applicant = new NamedReference(e.Data.ApplicantId, e.Data.ApplicantName),
        Programme = new NamedReference(e.Data.ProgrammeId, e.Data.ProgrammeName),
        Alliance = new NamedReference(e.Data.AllianceId, e.Data.AllianceName),
        District = e.Data.District,
        Plan = e.Data.Plan,
        Extra = e.Data.Extra,
        DraftedAt = e.Timestamp,
        LastChangedAt = e.Timestamp,
    };

    public static ApplicationDetails Apply(IEvent<ApplicationAmended> e, ApplicationDetails a) => Touched(e, a) with { Plan = e.Data.Plan };

    public static ApplicationDetails Apply(IEvent<ApplicationSubmitted> e, ApplicationDetails a) =>
        Touched(e, a) with { Terms = e.Data.Terms, SubmittedAt = e.Timestamp, Call = e.Data.Call };

    public static ApplicationDetails Apply(IEvent<DocumentsRequested> e, ApplicationDetails a) =>
        Touched(e, a) with
        {
            DocumentRequests = [.. a.DocumentRequests, new DocumentRequestRecord(e.Data.RequestNumber, e.Data.Documents, e.Timestamp, e.Data.DueBy, null, null)],
        };

    public static ApplicationDetails Apply(IEvent<DocumentsSupplied> e, ApplicationDetails a) =>
        Touched(e, a) with
        {
            DocumentRequests = [.. a.DocumentRequests.Select(r => r.Number == e.Data.RequestNumber
                ? r with { SuppliedReferences = e.Data.DocumentReferences, SuppliedAt = e.Timestamp }
                : r)],
        };

    public static ApplicationDetails Apply(IEvent<ApplicationLapsed> e, ApplicationDetails a) =>
        Closed(e, a, $"The documents requested were not supplied by {e.Data.DueBy:yyyy-MM-dd HH:mm} UTC.");

    public static ApplicationDetails Apply(IEvent<ApplicationFormallyCompleted> e, ApplicationDetails a) =>
        Touched(e, a) with { FormallyCompleteAt = e.Timestamp, DecisionDueBy = e.Data.DecisionDueBy };

    public static ApplicationDetails Apply(IEvent<AllianceVoteCast> e, ApplicationDetails a) =>
        Touched(e, a) with
        {
            AllianceVote = new AllianceVoteRecord(e.Data.CastOnBehalfOf, e.Data.Recommends, e.Data.Reasons, e.Data.Scores, e.Data.BasedOnVersion,
                e.Data.RecordedBy, e.Timestamp, e.Data.DeclaredNoConflictOfInterest),
        };

    public static ApplicationDetails Apply(IEvent<DecisionProposed> e, ApplicationDetails a) =>
        Touched(e, a) with
        {
            Proposals =
            [
                .. a.Proposals,
                new ProposalRecord(e.Data.ProposalNumber, e.Data.Kind, e.Data.Amount, e.Data.Conditions, e.Data.Reason, e.Data.PlanningExceedanceReason,
                    e.Data.BasedOnVersion, e.Data.RecordedBy, e.Timestamp, ProposalOutcome.Pending, null, null, null)
                {
                    Obligations = e.Data.Obligations ?? [],
                },
            ],
        };

    public static ApplicationDetails Apply(IEvent<DecisionReturned> e, ApplicationDetails a) =>
        Decided(e, Touched(e, a), e.Data.ProposalNumber, ProposalOutcome.Returned, e.Data.Reason);

    public static ApplicationDetails Apply(IEvent<DecisionConfirmed> e, ApplicationDetails a) =>
        Decided(e, Touched(e, a), e.Data.ProposalNumber, ProposalOutcome.Confirmed, null);

    public static ApplicationDetails Apply(IEvent<ApplicationRejected> e, ApplicationDetails a) =>
        Closed(e, a, e.Data.Reason);

    public static ApplicationDetails Apply(IEvent<ApplicationApproved> e, ApplicationDetails a) =>
        Touched(e, a) with
        {
            ApprovedAmount = e.Data.Amount,
            Conditions = e.Data.Conditions,
            ApprovedAt = e.Timestamp,
            DecisionVersions = [FirstVersion(e, a)],
            Funding = new FundingRecord(e.Data.FundingRate, e.Data.RetainedFinalInstalment, 0, 0, [],
                [.. e.Data.ProofsOfUse.Select(p => new ProofRecord(p.Proof, p.Kind, p.DueBy, false, [], null, null, null, null, null, [], null, null, null))],
                [], []),
        };

    public static ApplicationDetails Apply(IEvent<PaymentRequested> e, ApplicationDetails a) =>
        Funded(e, a, f => f with
        {
            Payments = [.. f.Payments, new PaymentRecord(e.Data.RequestNumber, e.Data.Amount, e.Data.NeededBy, e.Data.OwnAndThirdPartySpent,
                PaymentRequestStatus.Requested, e.Timestamp, null, null, null, null)],
        });

    public static ApplicationDetails Apply(IEvent<PaymentRequestChecked> e, ApplicationDetails a) =>
        Funded(e, a, f => WithPayment(f, e.Data.RequestNumber, p => p with { Status = PaymentRequestStatus.Checked, CheckedBy = e.Data.RecordedBy }));

    public static ApplicationDetails Apply(IEvent<PaymentRequestRefused> e, ApplicationDetails a) =>
        Funded(e, a, f => WithPayment(f, e.Data.RequestNumber, p => p with { Status = PaymentRequestStatus.Refused, RefusalReason = e.Data.Reason }));

    public static ApplicationDetails Apply(IEvent<PaymentReleased> e, ApplicationDetails a) =>
        Funded(e, a, f => WithPayment(f, e.Data.RequestNumber, p => p with
        {
            Status = PaymentRequestStatus.Released, ReleasedBy = e.Data.RecordedBy, BookedOn = e.Data.BookedOn,
        }) with { Paid = f.Paid + e.Data.Amount });

    public static ApplicationDetails Apply(IEvent<ProofOfUseSubmitted> e, ApplicationDetails a) =>
        Funded(e, a, f => WithProof(f, e.Data.Proof, p => p with
        {
            SubmittedAt = e.Timestamp, Narrative = e.Data.Narrative, SpentByCategory = e.Data.SpentByCategory, OwnShareSpent = e.Data.OwnShareSpent,
            ThirdPartySpent = e.Data.ThirdPartySpent, Receipts = e.Data.Receipts,
        }));

    public static ApplicationDetails Apply(IEvent<ProofOfUseDeadlineExtended> e, ApplicationDetails a) =>
        Funded(e, a, f => WithProof(f, e.Data.Proof, p => p with
        {
            DueBy = e.Data.DueBy, Overdue = false,
            Extensions = [.. p.Extensions, new DeadlineExtension(e.Data.PreviousDueBy, e.Data.DueBy, e.Data.Reason, e.Data.RecordedBy)],
        }));

    public static ApplicationDetails Apply(IEvent<ProofOfUseOverdue> e, ApplicationDetails a) =>
        Funded(e, a, f => WithProof(f, e.Data.Proof, p => p with { Overdue = true }));

    public static ApplicationDetails Apply(IEvent<ProofOfUseFirstCheckCompleted> e, ApplicationDetails a) =>
        Funded(e, a, f => WithProof(f, e.Data.Proof, p => p with { FirstCheck = new CheckRecord(e.Timestamp, e.Data.RecordedBy, e.Data.Findings) }));

    public static ApplicationDetails Apply(IEvent<ProofOfUseSelectedForInDepthCheck> e, ApplicationDetails a) =>
        Funded(e, a, f => WithProof(f, e.Data.Proof, p => p with { InDepthSampleId = e.Data.SampleId }));

    public static ApplicationDetails Apply(IEvent<ProofOfUseInDepthCheckCompleted> e, ApplicationDetails a) =>
        Funded(e, a, f => WithProof(f, e.Data.Proof, p => p with { InDepthCheck = new CheckRecord(e.Timestamp, e.Data.RecordedBy, e.Data.Findings) }));

    public static ApplicationDetails Apply(IEvent<ReclaimDemanded> e, ApplicationDetails a) =>
        Funded(e, a, f => f with
        {
            Reclaims = [.. f.Reclaims, new ReclaimRecord(e.Data.Amount, e.Data.ApprovedAmount, e.Data.RepaymentDue, e.Data.RepayBy, e.Data.Reason, e.Timestamp)],
        }) with { ApprovedAmount = e.Data.ApprovedAmount, DecisionVersions = Lowered(a, e.Data.ApprovedAmount, e.Data.Reason, DecisionVersionKind.Reclaim, e.Data) };

    public static ApplicationDetails Apply(IEvent<RepaymentReceived> e, ApplicationDetails a) =>
        Funded(e, a, f => f with
        {
            Repaid = f.Repaid + e.Data.Amount,
            Repayments = [.. f.Repayments, new RepaymentRecord(e.Data.Amount, e.Data.BookedOn, e.Timestamp)],
        });

    public static ApplicationDetails Apply(IEvent<ApplicationClosed> e, ApplicationDetails a) =>
        Closed(e, a, e.Data.Unpaid > 0
            ? $"Closed with {Eur(e.Data.Paid)} paid; {Eur(e.Data.Unpaid)} of the grant was not called and went back to the programme."
            : $"Closed with {Eur(e.Data.Paid)} paid.") with { ApprovedAmount = e.Data.Paid };

    public static ApplicationDetails Apply(IEvent<CaseAssigned> e, ApplicationDetails a) =>
        Touched(e, a) with { Assignment = new AssignmentRecord(e.Data.Assignee, e.Data.AssigneeName, e.Timestamp, e.Data.RecordedBy, e.Data.Reason) };

    public static ApplicationDetails Apply(IEvent<CaseReleased> e, ApplicationDetails a) => Touched(e, a) with { Assignment = null };

    public static ApplicationDetails Apply(IEvent<ApprovalBlocked> e, ApplicationDetails a) =>
        Decided(e, Touched(e, a), e.Data.ProposalNumber, ProposalOutcome.Blocked, e.Data.Reason);

    public static ApplicationDetails Apply(IEvent<ApprovedAmountReduced> e, ApplicationDetails a) =>
        Touched(e, a) with { ApprovedAmount = e.Data.Amount, DecisionVersions = Lowered(a, e.Data.Amount, e.Data.Reason, DecisionVersionKind.Reduction, e.Data) };

    public static ApplicationDetails Apply(IEvent<ApplicationWithdrawn> e, ApplicationDetails a) =>
        Closed(e, a, e.Data.Reason);

    public static ApplicationDetails Apply(IEvent<DecisionReminderRaised> e, ApplicationDetails a) =>
        Touched(e, a) with { DecisionReminderRaisedAt = e.Timestamp };

    /// <summary>The details after event <paramref name="e"/> moved them: version, time, and the status the lifecycle gives (judged on <paramref name="a"/>, the state before).</summary>
    // Reviews are read from the write model (GET /api/applications/{id}/reviews); the details only move to the new version.
    public static ApplicationDetails Apply(IEvent<ReviewerAssigned> e, ApplicationDetails a) => Touched(e, a);

    public static ApplicationDetails Apply(IEvent<ReviewerConflictDeclared> e, ApplicationDetails a) => Touched(e, a);

    public static ApplicationDetails Apply(IEvent<ApplicationReviewed> e, ApplicationDetails a) => Touched(e, a);

    private static ApplicationDetails Touched(IEvent e, ApplicationDetails a) => a with
    {
        Version = e.Version,
        LastChangedAt = e.Timestamp,
        Status = ApplicationLifecycle.StatusAfter(a.Status, e.Data, voted: a.AllianceVote is not null, repaymentDue: a.Funding?.RepaymentDue ?? 0),
    };

    private static ApplicationDetails Funded(IEvent e, ApplicationDetails a, Func<FundingRecord, FundingRecord> change) =>
        Touched(e, a) with { Funding = change(a.Funding!) };

    private static FundingRecord WithPayment(FundingRecord f, int number, Func<PaymentRecord, PaymentRecord> change) =>
        f with { Payments = [.. f.Payments.Select(p => p.Number == number ? change(p) : p)] };

    private static FundingRecord WithProof(FundingRecord f, string proof, Func<ProofRecord, ProofRecord> change) =>
        f with { ProofsOfUse = [.. f.ProofsOfUse.Select(p => p.Proof == proof ? change(p) : p)] };

    private static ApplicationDetails Closed(IEvent e, ApplicationDetails a, string reason) =>
        Touched(e, a) with { ClosingReason = reason, ClosedAt = e.Timestamp };

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
