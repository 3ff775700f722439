using System.Collections.Immutable;
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
    /// <summary>Part of the grant was revoked and the recipient owes a repayment.</summary>
    ReclaimDemanded,
    /// <summary>The final proof of use passed its checks (or a reclaim was settled): the funding case is complete.</summary>
    Closed,
}

public sealed record DocumentRequest(int Number, IReadOnlyList<string> Documents, DateTimeOffset DueBy)
{
    /// <summary>The uploads that answer the request's items so far, by item position (from 1); a later upload replaces an earlier one.</summary>
    public ImmutableDictionary<int, Guid> Answers { get; init; } = ImmutableDictionary<int, Guid>.Empty;
}

/// <summary>Who works on the case at the funding authority, and since when.</summary>
public sealed record Assignment(string Assignee, string AssigneeName, DateTimeOffset Since);

public sealed record Vote(Guid CastOnBehalfOf, bool Recommends, long BasedOnVersion);

public sealed record Proposal(
    int Number, DecisionKind Kind, decimal? Amount, IReadOnlyList<string> Conditions, string? Reason, string? PlanningExceedanceReason,
    string ProposedBy, decimal RetainedFinalInstalment = 0, IReadOnlyList<DateOnly>? InterimProofDueDates = null)
{
    /// <summary>The obligations the approval imposes once in force (ADR 0126); none for a rejection.</summary>
    public IReadOnlyList<ObligationTerms> Obligations { get; init; } = [];
}

/// <summary>Where a payment request stands: requested, checked, released (paid) or refused.</summary>
public enum PaymentRequestStatus
{
    Requested,
    Checked,
    Released,
    Refused,
}

public sealed record PaymentRequestState(
    int Number, decimal Amount, DateOnly NeededBy, decimal OwnAndThirdPartySpent, PaymentRequestStatus Status, string? CheckedBy,
    string? ReleasedBy = null);

public sealed record ProofState(
    string Proof, ProofKind Kind, DateOnly DueBy, bool Overdue, DateTimeOffset? SubmittedAt, bool FirstChecked, bool SelectedForInDepthCheck,
    bool InDepthChecked, int Findings)
{
    public bool Submitted => SubmittedAt is not null;

    public bool ChecksComplete => FirstChecked && (!SelectedForInDepthCheck || InDepthChecked);
}

/// <summary>
/// A proposed account for the grant, waiting for a second person's confirmation: in plain text, or, when a natural person applies,
/// only <paramref name="Sealed"/> with their key (ADR 0084), which the domain never opens.
/// </summary>
public sealed record PayeeProposal(int Number, PayeeAccount? Account, string ProposedBy, SealedPersonalData? Sealed = null);

/// <summary>The funding of an approved application: agreed rate, payments, proofs of use, reclaims.</summary>
public sealed record Funding(
    decimal FundingRate,
    decimal RetainedFinalInstalment,
    ImmutableList<PaymentRequestState> PaymentRequests,
    decimal Paid,
    decimal Repaid,
    decimal DeclaredOwnAndThirdPartySpent,
    ImmutableList<ProofState> Proofs,
    decimal RepaymentDue,
    bool FindingsSettledByReclaim)
{
    /// <summary>Requested or checked, not yet paid.</summary>
    public decimal Pending => PaymentRequests.Where(r => r.Status is PaymentRequestStatus.Requested or PaymentRequestStatus.Checked).Sum(r => r.Amount);

    public decimal NetPaid => Paid - Repaid;

    public ProofState? FinalProof => Proofs.FirstOrDefault(p => p.Kind == ProofKind.Final);

    /// <summary>The interim proofs the decision asked for that have not been submitted: the case does not close while there are any.</summary>
    public IReadOnlyList<ProofState> MissingInterimProofs => [.. Proofs.Where(p => p.Kind == ProofKind.Interim && !p.Submitted)];

    /// <summary>The final proof passed its checks, or what they found was settled by a reclaim.</summary>
    public bool FinalProofSettled => FinalProof is { Submitted: true, ChecksComplete: true } final && (final.Findings == 0 || FindingsSettledByReclaim);

    public Funding WithProof(string proof, Func<ProofState, ProofState> change) =>
        this with { Proofs = Proofs.Select(p => p.Proof == proof ? change(p) : p).ToImmutableList() };

    public Funding WithRequest(int number, Func<PaymentRequestState, PaymentRequestState> change) =>
        this with { PaymentRequests = PaymentRequests.Select(r => r.Number == number ? change(r) : r).ToImmutableList() };
}

/// <summary>Write model of a funding application (Förderantrag), folded from its events.</summary>
public sealed partial record FundingApplication(
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
    bool ReminderRaised,
    Funding? Funding = null,
    Assignment? Assignment = null) : IEventSourced<FundingApplication>
{
    /// <summary>Who acted for the applicant on this case (see <see cref="SeparationOfDuties"/>).</summary>
    public ImmutableHashSet<string> ApplicantSide { get; init; } = SeparationOfDuties.Nobody;

    /// <summary>The programme's call it was submitted to, if the programme runs calls: its commitment counts against the call's budget.</summary>
    public int? CallNumber { get; init; }

    /// <summary>The decision letter issued for the approval, once it is (ADR 0104).</summary>
    public Guid? DecisionLetter { get; init; }

    /// <summary>The change notices (Änderungsbescheide) issued for amended decision versions, by document id (ADR 0121).</summary>
    public ImmutableHashSet<Guid> ChangeNotices { get; init; } = [];

    /// <summary>Who acted for the funding authority or the alliance on this case.</summary>
    public ImmutableHashSet<string> AuthoritySide { get; init; } = SeparationOfDuties.Nobody;

    /// <summary>The confirmed account the grant is paid into; none until one is confirmed, or when it is a natural person's (sealed) (ADR 0084).</summary>
    public PayeeAccount? Payee { get; init; }

    /// <summary>The confirmed account of a natural person who applies, sealed with their key (ADR 0084).</summary>
    public SealedPersonalData? SealedPayee { get; init; }

    /// <summary>Whether an account is confirmed: payments are released only then.</summary>
    public bool HasConfirmedPayee => Payee is not null || SealedPayee is not null;

    /// <summary>The account proposed and not yet confirmed.</summary>
    public PayeeProposal? PendingPayee { get; init; }

    /// <summary>How many accounts were proposed so far (numbers the proposals).</summary>
    public int PayeeProposals { get; init; }

    /// <summary>The versions of the approved decision, oldest first: the approval, then each confirmed amendment (ADR 0121).</summary>
    public ImmutableList<DecisionVersion> Decisions { get; init; } = ImmutableList<DecisionVersion>.Empty;

    /// <summary>The amendment proposed and not yet in force, if any.</summary>
    public PendingAmendment? PendingAmendment { get; init; }

    /// <summary>How many amendments were proposed so far (numbers them).</summary>
    public int Amendments { get; init; }

    /// <summary>
    /// What may be paid in all on <paramref name="day"/>: the amount of the decision version in force that day, but never more than
    /// the approved amount now (a lower amount counts at once, since its money goes back to the programme on confirmation).
    /// </summary>
    public decimal PayableOn(DateOnly day) =>
        Math.Min(ApprovedAmount ?? 0, Decisions.LastOrDefault(d => d.EffectiveFrom <= day)?.Amount ?? ApprovedAmount ?? 0);

    /// <summary>Its programme's form version and the values of its extra fields (ADR 0122); none when the programme asked for none.</summary>
    public ApplicationExtra? Extra { get; init; }

    /// <summary>The documents uploaded to it (their ids): a document field of its extra data names one of them (ADR 0122).</summary>
    public ImmutableHashSet<Guid> Documents { get; init; } = ImmutableHashSet<Guid>.Empty;

    /// <summary>The reviewers assigned to score it, in the order they were assigned (ADR 0093).</summary>
    public ImmutableList<Reviewer> Reviewers { get; init; } = ImmutableList<Reviewer>.Empty;

    /// <summary>The assigned reviewer with user id <paramref name="userId"/>, compared without regard to case; null if none.</summary>
    public Reviewer? Reviewer(string userId) =>
        Reviewers.FirstOrDefault(r => string.Equals(r.Id, userId.Trim(), StringComparison.OrdinalIgnoreCase));

    public bool IsClosed => ApplicationLifecycle.IsClosed(Status);

    /// <summary>What stays committed in the programme for this application: its approved amount while it is funded, else nothing.</summary>
    public decimal KeepsCommitted => ApplicationLifecycle.KeepsCommitment(Status) ? ApprovedAmount ?? 0 : 0;

    /// <summary>Complete and not yet decided: the time a decision takes counts against the reminder.</summary>
    public bool IsAwaitingDecision => Status is ApplicationStatus.FormallyComplete or ApplicationStatus.AllianceVoted
        or ApplicationStatus.DecisionProposed or ApplicationStatus.ApprovalBlocked;

    /// <summary>The status follows <see cref="ApplicationLifecycle"/>, the sides of the case <see cref="SeparationOfDuties"/>; everything else is folded here.</summary>
    public static FundingApplication Evolve(FundingApplication? application, object @event) =>
        WithDocument(NoteEnd(application, SeparationOfDuties.Record(Fold(application, @event) with
        {
            Status = ApplicationLifecycle.StatusAfter(application?.Status ?? ApplicationStatus.Draft, @event, application?.Vote is not null,
                application?.Funding?.RepaymentDue ?? 0),
        }, @event), @event), @event);

    /// <summary>Every attached document is noted, whatever else its upload means (an answer, the decision letter).</summary>
    private static FundingApplication WithDocument(FundingApplication application, object @event) =>
        @event is DocumentAttached attached ? application with { Documents = application.Documents.Add(attached.DocumentId) } : application;

    private FundingApplication WithReviewer(string userId, Func<Reviewer, Reviewer> change) =>
        this with { Reviewers = Reviewers.Select(r => string.Equals(r.Id, userId, StringComparison.OrdinalIgnoreCase) ? change(r) : r).ToImmutableList() };

    private static FundingApplication Fold(FundingApplication? application, object @event) => (application, @event) switch
    {
        (null, ApplicationDrafted drafted) => new FundingApplication(drafted.ApplicationId, ApplicationStatus.Draft, drafted.ApplicantId,
            drafted.ProgrammeId, drafted.AllianceId, drafted.District, drafted.Plan, null, null, 0, null, null, 0, null, null, false)
        {
            Extra = drafted.Extra,
        },
        (null, _) => throw new UnexpectedFirstEventException(typeof(FundingApplication), @event),

        (_, ApplicationAmended amended) => application with { Plan = amended.Plan },
        (_, ApplicationExtraDataSet set) => application with { Extra = new ApplicationExtra(set.FormVersion, set.Values) },
        (_, ApplicationSubmitted submitted) => application with { Terms = submitted.Terms, CallNumber = submitted.Call?.Number },
        (_, DocumentsRequested requested) => application with
        {
            OpenDocumentRequest = new DocumentRequest(requested.RequestNumber, requested.Documents, requested.DueBy),
            DocumentRequests = requested.RequestNumber,
        },
        (_, DocumentsSupplied) => application with { OpenDocumentRequest = null },
        (_, DocumentAttached { Kind: DocumentKind.DecisionLetter } letter) => application with { DecisionLetter = letter.DocumentId },
        (_, DocumentAttached { Kind: DocumentKind.ChangeNotice } notice) => application with { ChangeNotices = application.ChangeNotices.Add(notice.DocumentId) },
        (_, DocumentAttached { Answers: { } item } attached) when application.OpenDocumentRequest is { } open && open.Number == item.RequestNumber =>
            application with { OpenDocumentRequest = open with { Answers = open.Answers.SetItem(item.Item, attached.DocumentId) } },
        (_, ApplicationFormallyCompleted completed) => application with { DecisionDueBy = completed.DecisionDueBy },
        (_, AllianceVoteCast vote) => application with
        {
            Vote = new Vote(vote.CastOnBehalfOf, vote.Recommends, vote.BasedOnVersion),
        },
        (_, DecisionProposed proposed) => application with
        {
            Proposal = new Proposal(proposed.ProposalNumber, proposed.Kind, proposed.Amount, proposed.Conditions, proposed.Reason,
                proposed.PlanningExceedanceReason, proposed.RecordedBy, proposed.RetainedFinalInstalment, proposed.InterimProofDueDates)
            {
                Obligations = proposed.Obligations ?? [],
            },
            Proposals = proposed.ProposalNumber,
        },
        (_, DecisionReturned) => application with { Proposal = null },
        (_, ApplicationApproved approved) => application with
        {
            ApprovedAmount = approved.Amount,
            Decisions = [DecisionAmendments.FirstVersion(application, approved)],
            Funding = new Funding(approved.FundingRate, approved.RetainedFinalInstalment, [], 0, 0, 0,
                approved.ProofsOfUse.Select(p => new ProofState(p.Proof, p.Kind, p.DueBy, false, null, false, false, false, 0)).ToImmutableList(),
                0, false),
        },
        (_, ApprovalBlocked) => application with { Proposal = null },
        (_, AmendmentProposed or AmendmentConfirmed or AmendmentReturned or AmendmentBlocked or DecisionAmended) =>
            DecisionAmendments.Evolve(application, @event),
        (_, ApprovedAmountReduced reduced) => DecisionAmendments.Lowered(application, reduced.Amount, reduced.RecordedAt),
        (_, DecisionReminderRaised) => application with { ReminderRaised = true },
        (_, PaymentRequested requested) => application with
        {
            Funding = application.Funding! with
            {
                PaymentRequests = application.Funding.PaymentRequests.Add(new PaymentRequestState(requested.RequestNumber, requested.Amount,
                    requested.NeededBy, requested.OwnAndThirdPartySpent, PaymentRequestStatus.Requested, null)),
                DeclaredOwnAndThirdPartySpent = requested.OwnAndThirdPartySpent,
            },
        },
        (_, PaymentRequestChecked check) => application with
        {
            Funding = application.Funding!.WithRequest(check.RequestNumber, r => r with { Status = PaymentRequestStatus.Checked, CheckedBy = check.RecordedBy }),
        },
        (_, PaymentRequestRefused refused) => application with
        {
            Funding = application.Funding!.WithRequest(refused.RequestNumber, r => r with { Status = PaymentRequestStatus.Refused }),
        },
        (_, PaymentReleased released) => application with
        {
            Funding = application.Funding!.WithRequest(released.RequestNumber, r => r with { Status = PaymentRequestStatus.Released, ReleasedBy = released.RecordedBy })
                with { Paid = application.Funding.Paid + released.Amount },
        },
        (_, ProofOfUseSubmitted submitted) => application with
        {
            Funding = application.Funding!.WithProof(submitted.Proof, p => p with { SubmittedAt = submitted.RecordedAt }),
        },
        (_, ProofOfUseDeadlineExtended extended) => application with
        {
            Funding = application.Funding!.WithProof(extended.Proof, p => p with { DueBy = extended.DueBy, Overdue = false }),
        },
        (_, ProofOfUseOverdue overdue) => application with
        {
            Funding = application.Funding!.WithProof(overdue.Proof, p => p with { Overdue = true }),
        },
        (_, ProofOfUseFirstCheckCompleted check) => application with
        {
            Funding = application.Funding!.WithProof(check.Proof, p => p with { FirstChecked = true, Findings = p.Findings + check.Findings.Count }),
        },
        (_, ProofOfUseSelectedForInDepthCheck selected) => application with
        {
            Funding = application.Funding!.WithProof(selected.Proof, p => p with { SelectedForInDepthCheck = true }),
        },
        (_, ProofOfUseInDepthCheckCompleted check) => application with
        {
            Funding = application.Funding!.WithProof(check.Proof, p => p with { InDepthChecked = true, Findings = p.Findings + check.Findings.Count }),
        },
        (_, ReclaimDemanded reclaim) => DecisionAmendments.Lowered(application, reclaim.ApprovedAmount, reclaim.RecordedAt) with
        {
            Funding = application.Funding! with
            {
                RepaymentDue = application.Funding.RepaymentDue + reclaim.RepaymentDue,
                FindingsSettledByReclaim = application.Funding.FindingsSettledByReclaim
                                           || application.Funding.FinalProof is { Submitted: true, ChecksComplete: true },
            },
        },
        (_, RepaymentReceived repayment) => application with
        {
            Funding = application.Funding! with
            {
                Repaid = application.Funding.Repaid + repayment.Amount,
                RepaymentDue = application.Funding.RepaymentDue - repayment.Amount,
            },
        },
        (_, ApplicationClosed closed) => application with { ApprovedAmount = closed.Paid },
        (_, CaseAssigned assigned) => application with { Assignment = new Assignment(assigned.Assignee, assigned.AssigneeName, assigned.RecordedAt) },
        (_, CaseReleased) => application with { Assignment = null },
        (_, PayeeAccountProposed proposed) => application with
        {
            PendingPayee = proposed.SealedAccount is { } sealedAccount
                ? new PayeeProposal(proposed.ProposalNumber, null, proposed.RecordedBy, sealedAccount)
                : new PayeeProposal(proposed.ProposalNumber, new PayeeAccount(Iban.Recorded(proposed.Iban!), proposed.Bic, proposed.Holder!), proposed.RecordedBy),
            PayeeProposals = proposed.ProposalNumber,
        },
        (_, PayeeAccountConfirmed confirmed) when application.PendingPayee?.Number == confirmed.ProposalNumber =>
            application with { Payee = application.PendingPayee.Account, SealedPayee = application.PendingPayee.Sealed, PendingPayee = null },
        (_, ReviewerAssigned assigned) => application with
        {
            Reviewers = application.Reviewers.Add(new Reviewer(assigned.Reviewer, assigned.ReviewerName, assigned.RecordedAt, assigned.External)),
        },
        (_, ReviewerConflictDeclared conflict) => application.WithReviewer(conflict.Reviewer, r => r with { Conflict = conflict.Reason }),
        (_, ApplicationReviewed review) => application.WithReviewer(review.Reviewer,
            r => r with { Scores = review.Scores, Comment = review.Comment, ReviewedAt = review.RecordedAt }),
        (_, ApplicantPersonNamed or ApplicantPersonDataErased or CaseLegalHoldPlaced or CaseLegalHoldLifted or ObligationImposed or ObligationEvidenceRecorded
            or ObligationEvidenceOverdue or ObligationBreached or ObligationAmended or ObligationLifted) => FoldPersonFact(application, @event),
        _ => application,
    };
}
