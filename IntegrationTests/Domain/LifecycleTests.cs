using System.Runtime.CompilerServices;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using S = Fachwerk.Domain.Applications.ApplicationStatus;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>
/// The one status machine per aggregate, fed with every event type the aggregate has: a new event type fails here until
/// somebody has decided what it does to the status.
/// </summary>
public class LifecycleTests
{
    private static T Blank<T>() where T : class => (T)RuntimeHelpers.GetUninitializedObject(typeof(T));

    /// <summary>Each application event, from a status it can follow, and the status it leads to.</summary>
    private static readonly (object Event, ApplicationStatus From, bool Voted, decimal RepaymentDue, ApplicationStatus To)[] ApplicationCases =
    [
        (Blank<ApplicationDrafted>(), S.Draft, false, 0, S.Draft),
        (Blank<ApplicationAmended>(), S.Submitted, false, 0, S.Submitted),
        (Blank<ApplicationExtraDataSet>(), S.Submitted, false, 0, S.Submitted),
        (Blank<ApplicationSubmitted>(), S.Draft, false, 0, S.Submitted),
        (Blank<DocumentsRequested>(), S.Submitted, false, 0, S.DocumentsRequested),
        (Blank<DocumentsSupplied>(), S.DocumentsRequested, false, 0, S.Submitted),
        (Blank<ApplicationLapsed>(), S.DocumentsRequested, false, 0, S.Lapsed),
        (Blank<ApplicationFormallyCompleted>(), S.Submitted, false, 0, S.FormallyComplete),
        (Blank<AllianceVoteCast>(), S.FormallyComplete, false, 0, S.AllianceVoted),
        (Blank<DecisionProposed>(), S.AllianceVoted, true, 0, S.DecisionProposed),
        (Blank<DecisionReturned>(), S.DecisionProposed, true, 0, S.AllianceVoted),
        (Blank<DecisionReturned>(), S.DecisionProposed, false, 0, S.FormallyComplete),
        (Blank<DecisionConfirmed>() with { Kind = DecisionKind.Approve }, S.DecisionProposed, true, 0, S.AwaitingCommitment),
        (Blank<DecisionConfirmed>() with { Kind = DecisionKind.Reject }, S.DecisionProposed, true, 0, S.DecisionProposed),
        (Blank<ApplicationRejected>(), S.DecisionProposed, true, 0, S.Rejected),
        (Blank<ApplicationApproved>(), S.AwaitingCommitment, true, 0, S.Approved),
        (Blank<ApprovalBlocked>(), S.AwaitingCommitment, true, 0, S.ApprovalBlocked),
        (Blank<ApprovedAmountReduced>(), S.Approved, true, 0, S.Approved),
        (Blank<ApplicationWithdrawn>(), S.Approved, true, 0, S.Withdrawn),
        (Blank<DecisionReminderRaised>(), S.FormallyComplete, false, 0, S.FormallyComplete),
        (Blank<PaymentRequested>(), S.Approved, true, 0, S.Approved),
        (Blank<PaymentRequestChecked>(), S.Approved, true, 0, S.Approved),
        (Blank<PaymentRequestRefused>(), S.Approved, true, 0, S.Approved),
        (Blank<PaymentReleased>(), S.Approved, true, 0, S.Approved),
        (Blank<ProofOfUseSubmitted>(), S.Approved, true, 0, S.Approved),
        (Blank<ProofOfUseDeadlineExtended>(), S.Approved, true, 0, S.Approved),
        (Blank<ProofOfUseOverdue>(), S.Approved, true, 0, S.Approved),
        (Blank<ProofOfUseFirstCheckCompleted>(), S.Approved, true, 0, S.Approved),
        (Blank<ProofOfUseSelectedForInDepthCheck>(), S.Approved, true, 0, S.Approved),
        (Blank<ProofOfUseInDepthCheckCompleted>(), S.Approved, true, 0, S.Approved),
        (Blank<ReclaimDemanded>() with { RepaymentDue = 500m }, S.Approved, true, 0, S.ReclaimDemanded),
        (Blank<ReclaimDemanded>() with { RepaymentDue = 0m }, S.Approved, true, 0, S.Approved),
        (Blank<RepaymentReceived>() with { Amount = 200m }, S.ReclaimDemanded, true, 500m, S.ReclaimDemanded),
        (Blank<RepaymentReceived>() with { Amount = 500m }, S.ReclaimDemanded, true, 500m, S.Approved),
        (Blank<ApplicationClosed>(), S.Approved, true, 0, S.Closed),
        (Blank<CaseAssigned>(), S.Submitted, false, 0, S.Submitted),
        (Blank<CaseAssigned>(), S.DecisionProposed, true, 0, S.DecisionProposed),
        // An upload keeps the status; answering a request's last item appends DocumentsSupplied beside it.
        (Blank<DocumentAttached>(), S.DocumentsRequested, false, 0, S.DocumentsRequested),
        (Blank<DocumentAttached>(), S.Approved, true, 0, S.Approved),
        (Blank<CaseReleased>(), S.FormallyComplete, false, 0, S.FormallyComplete),
        (Blank<CaseReleased>(), S.Approved, true, 0, S.Approved),
        (Blank<PayeeAccountProposed>(), S.Submitted, false, 0, S.Submitted),
        (Blank<PayeeAccountConfirmed>(), S.Approved, true, 0, S.Approved),
        (Blank<AmendmentProposed>(), S.Approved, true, 0, S.Approved),
        (Blank<AmendmentConfirmed>(), S.Approved, true, 0, S.Approved),
        (Blank<AmendmentReturned>(), S.Approved, true, 0, S.Approved),
        (Blank<AmendmentBlocked>(), S.Approved, true, 0, S.Approved),
        // A person as applicant and the grant's obligations (ADR 0123) leave the status as it is; a breach's reclaim moves it.
        (Blank<ApplicantPersonNamed>(), S.Draft, false, 0, S.Draft),
        (Blank<ApplicantPersonDataErased>(), S.Closed, true, 0, S.Closed),
        (Blank<CaseLegalHoldPlaced>(), S.Approved, true, 0, S.Approved),
        (Blank<CaseLegalHoldLifted>(), S.Closed, true, 0, S.Closed),
        (Blank<ObligationImposed>(), S.Approved, true, 0, S.Approved),
        (Blank<ObligationEvidenceRecorded>(), S.Approved, true, 0, S.Approved),
        (Blank<ObligationEvidenceOverdue>(), S.Approved, true, 0, S.Approved),
        (Blank<ObligationBreached>(), S.Approved, true, 0, S.Approved),
        (Blank<ObligationAmended>(), S.Approved, true, 0, S.Approved),
        (Blank<ObligationLifted>(), S.Approved, true, 0, S.Approved),
        (Blank<DecisionAmended>(), S.Approved, true, 0, S.Approved),
        // Reviews prepare the alliance's vote (ADR 0093): the status stays.
        (Blank<ReviewerAssigned>(), S.Submitted, false, 0, S.Submitted),
        (Blank<ReviewerConflictDeclared>(), S.DocumentsRequested, false, 0, S.DocumentsRequested),
        (Blank<ApplicationReviewed>(), S.FormallyComplete, false, 0, S.FormallyComplete),
    ];

    [Fact]
    public void Every_application_event_leads_to_the_status_the_lifecycle_says()
    {
        foreach (var (e, from, voted, due, to) in ApplicationCases)
            ApplicationLifecycle.StatusAfter(from, e, voted, due).ShouldBe(to, $"{e.GetType().Name} after {from}");
    }

    [Fact]
    public void Every_application_event_type_has_a_decided_place_in_the_lifecycle()
    {
        var eventTypes = typeof(IApplicationEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IApplicationEvent)));

        eventTypes.Except(ApplicationCases.Select(c => c.Event.GetType())).ShouldBeEmpty();
    }

    [Fact]
    public void The_write_model_follows_the_lifecycle_through_a_whole_case()
    {
        var alliance = ApplicationWorld.Alliance(true, ApplicationWorld.Chamber, ApplicationWorld.HausSteinstrasse);
        var programme = ApplicationWorld.Programme();
        object[] history =
        [
            ApplicationWorld.Drafted(alliance, programme), ApplicationWorld.Submitted(), ApplicationWorld.Completed, ApplicationWorld.Voted(alliance),
            new CaseAssigned(ApplicationWorld.AppId, "sabine", "Sabine", null, null, "sabine", ApplicationWorld.Now),
            ApplicationWorld.ProposedApproval(), new DecisionReturned(ApplicationWorld.AppId, 1, "Amount too high", "zoe", ApplicationWorld.Now),
            new CaseReleased(ApplicationWorld.AppId, "sabine", null, "sabine", ApplicationWorld.Now),
        ];

        var status = ApplicationStatus.Draft;
        FundingApplication? application = null;
        foreach (var e in history)
        {
            status = ApplicationLifecycle.StatusAfter(status, e, application?.Vote is not null, 0);
            application = FundingApplication.Evolve(application, e);
            application.Status.ShouldBe(status);
        }

        application!.Status.ShouldBe(S.AllianceVoted);
    }

    private static readonly (object Event, PilotStatus From, PilotStatus To)[] PilotCases =
    [
        (Blank<PilotLaunched>(), PilotStatus.Running, PilotStatus.Running),
        (Blank<PilotPartnerJoined>(), PilotStatus.Running, PilotStatus.Running),
        (Blank<PilotServicesOffered>(), PilotStatus.Running, PilotStatus.Running),
        (Blank<PilotPhaseExtended>(), PilotStatus.Running, PilotStatus.Running),
        (Blank<PilotCompanyEnrolled>(), PilotStatus.Running, PilotStatus.Running),
        (Blank<PilotParticipantEnrolled>(), PilotStatus.Running, PilotStatus.Running),
        (Blank<PilotParticipantDataCorrected>(), PilotStatus.Ended, PilotStatus.Ended),
        (Blank<PilotParticipantDocumentAttached>(), PilotStatus.Continued, PilotStatus.Continued),
        (Blank<PilotParticipantReferred>(), PilotStatus.Running, PilotStatus.Running),
        (Blank<PilotParticipantPlaced>(), PilotStatus.Running, PilotStatus.Running),
        (Blank<PilotServiceDelivered>(), PilotStatus.Continued, PilotStatus.Continued),
        (Blank<PilotInterculturalTrainingHeld>(), PilotStatus.Running, PilotStatus.Running),
        (Blank<PilotSpendingRecorded>(), PilotStatus.Continued, PilotStatus.Continued),
        (Blank<PilotSpendingCorrected>(), PilotStatus.Running, PilotStatus.Running),
        (Blank<PilotSpendingCancelled>(), PilotStatus.EvaluationDue, PilotStatus.EvaluationDue),
        (Blank<PilotEvaluationDue>(), PilotStatus.Running, PilotStatus.EvaluationDue),
        (Blank<PilotContinuationDecided>() with { Decision = ContinuationDecision.Continue }, PilotStatus.EvaluationDue, PilotStatus.Continued),
        (Blank<PilotContinuationDecided>() with { Decision = ContinuationDecision.End }, PilotStatus.EvaluationDue, PilotStatus.Ended),
        (Blank<PilotLegalHoldPlaced>(), PilotStatus.Ended, PilotStatus.Ended),
        (Blank<PilotLegalHoldLifted>(), PilotStatus.Ended, PilotStatus.Ended),
        (Blank<PilotParticipantDataErased>(), PilotStatus.Ended, PilotStatus.Ended),
    ];

    [Fact]
    public void Every_pilot_event_leads_to_the_status_the_lifecycle_says()
    {
        foreach (var (e, from, to) in PilotCases)
            PilotLifecycle.StatusAfter(from, e).ShouldBe(to, $"{e.GetType().Name} after {from}");

        var eventTypes = typeof(Pilot).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Pilot).Namespace && t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IRecordedFact)));
        eventTypes.Except(PilotCases.Select(c => c.Event.GetType())).ShouldBeEmpty();
    }
}
