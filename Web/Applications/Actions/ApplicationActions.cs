using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Web.Shared;

namespace Fachwerk.Web.Applications.Actions;

/// <summary>
/// Which staff actions the application page offers a user, and on what: the roles and states in which the API accepts each
/// command, as a courtesy (the API decides every time; a posted form is always handed to it). The four-eyes rules are
/// made visible here: the proposer is not offered the confirmation, and the checker of a payment above the threshold is not
/// offered its release.
/// </summary>
public static class ApplicationActions
{
    public const string RequestDocuments = "request-documents";
    public const string CompleteFormally = "complete-formally";
    public const string CastVote = "cast-vote";
    public const string ProposeDecision = "propose-decision";
    public const string ConfirmDecision = "confirm-decision";
    public const string ReturnDecision = "return-decision";
    public const string CheckPayment = "check-payment";
    public const string ReleasePayment = "release-payment";
    public const string RefusePayment = "refuse-payment";
    public const string CheckProof = "check-proof";
    public const string ExtendProofDeadline = "extend-proof-deadline";
    public const string ReduceAmount = "reduce-amount";
    public const string DemandReclaim = "demand-reclaim";
    public const string RecordRepayment = "record-repayment";
    public const string CloseCase = "close-case";

    // Change notices after approval (ADR 0121): proposed by a caseworker, confirmed or returned by an approver other than the proposer.
    public const string ProposeAmendment = "propose-amendment";
    public const string ConfirmAmendment = "confirm-amendment";
    public const string ReturnAmendment = "return-amendment";

    // The account the grant is paid into (ADR 0084): proposed by the applicant's people or a caseworker, confirmed by another caseworker.
    public const string ProposePayeeAccount = "propose-payee-account";
    public const string ConfirmPayeeAccount = "confirm-payee-account";

    // A grant's obligations and a natural person's data (ADR 0123): the caseworker records them, holds the case's records, erases the data.
    public const string ImposeObligation = "impose-obligation";
    public const string RecordObligationEvidence = "record-obligation-evidence";
    public const string RecordObligationBreach = "record-obligation-breach";
    public const string PlaceLegalHold = "place-case-legal-hold";
    public const string LiftLegalHold = "lift-case-legal-hold";
    public const string EraseApplicantPerson = "erase-applicant-person";

    // Portal: the applicant's steps on the case (docs/portal.md).
    public const string SubmitApplication = "submit-application";
    public const string RequestPayment = "request-payment";
    public const string SubmitProof = "submit-proof";
    public const string WithdrawApplication = "withdraw-application";

    /// <summary>Every action form of the page, in the order the page shows them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        RequestDocuments, CompleteFormally, CastVote, ProposeDecision, ConfirmDecision, ReturnDecision, CheckPayment, ReleasePayment, RefusePayment,
        CheckProof, ExtendProofDeadline, ReduceAmount, ProposeAmendment, ConfirmAmendment, ReturnAmendment, DemandReclaim, RecordRepayment, CloseCase,
        ConfirmPayeeAccount, ProposePayeeAccount,
        ImposeObligation, RecordObligationEvidence, RecordObligationBreach, PlaceLegalHold, LiftLegalHold, EraseApplicantPerson,
        SubmitApplication, RequestPayment, SubmitProof, WithdrawApplication,
    ];

    /// <summary>Whether the page offers <paramref name="action"/> to <paramref name="user"/> on the application as it is.</summary>
    public static bool Offers(string action, ApplicationDetails application, CurrentUser user, decimal paymentFourEyesAbove)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(user);
        var status = application.Status;
        var approved = status == ApplicationStatus.Approved && application.Funding is not null;
        return action switch
        {
            ConfirmDecision => user.Has(Roles.Approver) && status == ApplicationStatus.DecisionProposed && OwnPendingProposal(application, user) is null,
            ReturnDecision => user.Has(Roles.Approver) && status == ApplicationStatus.DecisionProposed,
            // The alliance's reviewers vote once the application is formally complete; the API checks they review for its alliance.
            CastVote => user.Has(Roles.AllianceReviewer) && status == ApplicationStatus.FormallyComplete && application.AllianceVote is null,
            // The applicant's people: submit a draft, request money and submit proofs of an approved grant, withdraw until it is closed.
            SubmitApplication => user.Has(Roles.Applicant) && status == ApplicationStatus.Draft,
            RequestPayment => user.Has(Roles.Applicant) && approved && Requestable(application.ApprovedAmount ?? 0, application.Funding!) > 0,
            SubmitProof => user.Has(Roles.Applicant) && approved && ExtendableProofs(application).Count > 0,
            WithdrawApplication => user.Has(Roles.Applicant) && !ApplicationLifecycle.IsClosed(status) && status != ApplicationStatus.ReclaimDemanded
                                   && application.Funding is not { Paid: > 0 },
            ProposePayeeAccount => user.HasAny([Roles.Applicant, Roles.Caseworker]) && status != ApplicationStatus.Draft && !ApplicationLifecycle.IsClosed(status),
            ConfirmPayeeAccount => user.Has(Roles.Caseworker) && application.ProposedPayeeAccount is { } payee
                                   && !string.Equals(payee.ProposedBy, user.Id, StringComparison.OrdinalIgnoreCase),
            ConfirmAmendment => user.Has(Roles.Approver) && application.PendingAmendment is { Outcome: AmendmentOutcome.Proposed } amendment
                                && !string.Equals(amendment.ProposedBy, user.Id, StringComparison.OrdinalIgnoreCase),
            ReturnAmendment => user.Has(Roles.Approver) && application.PendingAmendment is { Outcome: AmendmentOutcome.Proposed },
            _ when !user.Has(Roles.Caseworker) => false,
            ProposeAmendment => approved && application.PendingAmendment is null && application.DecisionVersions.Count > 0,
            RequestDocuments or CompleteFormally => status == ApplicationStatus.Submitted,
            ProposeDecision => status is ApplicationStatus.AllianceVoted or ApplicationStatus.ApprovalBlocked
                               || (status == ApplicationStatus.FormallyComplete && application.Terms?.AllianceVoteRequired != true),
            CheckPayment => approved && Checkable(application).Count > 0,
            ReleasePayment => approved && Releasable(application, user, paymentFourEyesAbove).Count > 0,
            RefusePayment => approved && Refusable(application).Count > 0,
            CheckProof => approved && CheckableProofs(application).Count > 0,
            ExtendProofDeadline => approved && ExtendableProofs(application).Count > 0,
            ReduceAmount or DemandReclaim => approved,
            RecordRepayment => status == ApplicationStatus.ReclaimDemanded,
            CloseCase => approved && FinalProofChecked(application.Funding!),
            // Obligations are imposed on an approved grant, also while a reclaim runs; evidence and breaches need an open one (the page checks that).
            ImposeObligation or RecordObligationEvidence => status is ApplicationStatus.Approved or ApplicationStatus.ReclaimDemanded,
            // A breach reclaims a share of what was paid: nothing paid, nothing to reclaim (the API refuses).
            RecordObligationBreach => status is ApplicationStatus.Approved or ApplicationStatus.ReclaimDemanded
                                      && application.Funding is { } paid && paid.Paid - paid.Repaid > 0,
            // A hold and an erasure concern a natural person's data; the erasure is offered while the data stand, and the API says
            // why not yet (the case runs, the retention period, a hold).
            PlaceLegalHold => application.ApplicantPerson is not null,
            LiftLegalHold => application.ApplicantPerson is not null && application.LegalHoldUntil is not null,
            EraseApplicantPerson => application.ApplicantPerson is { Erased: false },
            _ => false,
        };
    }

    /// <summary>The pending proposal the user made themselves: an approver may not confirm it (four-eyes).</summary>
    public static ProposalRecord? OwnPendingProposal(ApplicationDetails application, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(user);
        return PendingProposal(application) is { } pending && string.Equals(pending.ProposedBy, user.Id, StringComparison.OrdinalIgnoreCase) ? pending : null;
    }

    public static ProposalRecord? PendingProposal(ApplicationDetails application) =>
        application?.Status == ApplicationStatus.DecisionProposed ? application.Proposals.LastOrDefault(p => p.Outcome == ProposalOutcome.Pending) : null;

    public static IReadOnlyList<PaymentRecord> Checkable(ApplicationDetails application) =>
        Payments(application, p => p.Status == PaymentRequestStatus.Requested);

    public static IReadOnlyList<PaymentRecord> Refusable(ApplicationDetails application) =>
        Payments(application, p => p.Status is PaymentRequestStatus.Requested or PaymentRequestStatus.Checked);

    /// <summary>Checked payments the user may release: above the threshold, not those the user checked.</summary>
    public static IReadOnlyList<PaymentRecord> Releasable(ApplicationDetails application, CurrentUser user, decimal fourEyesAbove) =>
        Payments(application, p => p.Status == PaymentRequestStatus.Checked && !NeedsSecondPerson(p, user, fourEyesAbove));

    /// <summary>Checked payments above the threshold that the user checked: a second caseworker releases them.</summary>
    public static IReadOnlyList<PaymentRecord> HeldForSecondPerson(ApplicationDetails application, CurrentUser user, decimal fourEyesAbove) =>
        Payments(application, p => p.Status == PaymentRequestStatus.Checked && NeedsSecondPerson(p, user, fourEyesAbove));

    /// <summary>The checks a proof of use waits for: its first check once submitted, its in-depth check once sampled.</summary>
    public static IReadOnlyList<(ProofRecord Proof, ProofCheck Check)> CheckableProofs(ApplicationDetails application) =>
        [.. (application?.Funding?.ProofsOfUse ?? []).SelectMany<ProofRecord, (ProofRecord, ProofCheck)>(p =>
            p.SubmittedAt is null ? []
            : p.FirstCheck is null ? [(p, ProofCheck.First)]
            : p.InDepthSampleId is not null && p.InDepthCheck is null ? [(p, ProofCheck.InDepth)]
            : [])];

    /// <summary>Proofs of use not yet submitted: their deadline can be extended.</summary>
    public static IReadOnlyList<ProofRecord> ExtendableProofs(ApplicationDetails application) =>
        [.. (application?.Funding?.ProofsOfUse ?? []).Where(p => p.SubmittedAt is null)];

    /// <summary>
    /// What the recipient may still request (the API's rule, as a courtesy): the approved amount less what was paid and what is
    /// requested and not yet paid, less the final instalment kept back until the final proof of use is settled.
    /// </summary>
    public static decimal Requestable(decimal approved, FundingRecord funding)
    {
        ArgumentNullException.ThrowIfNull(funding);
        var finalSettled = funding.ProofsOfUse.Any(p => p.Kind == ProofKind.Final && p.FirstCheck is not null);
        var open = approved - (funding.Paid - funding.Repaid) - funding.Pending;
        return Math.Max(0, finalSettled ? open : open - funding.RetainedFinalInstalment);
    }

    private static bool FinalProofChecked(FundingRecord funding) =>
        funding.ProofsOfUse.Any(p => p.Kind == ProofKind.Final && p.FirstCheck is not null && (p.InDepthSampleId is null || p.InDepthCheck is not null));

    private static bool NeedsSecondPerson(PaymentRecord payment, CurrentUser user, decimal fourEyesAbove) =>
        payment.Amount > fourEyesAbove && string.Equals(payment.CheckedBy, user.Id, StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<PaymentRecord> Payments(ApplicationDetails application, Func<PaymentRecord, bool> which) =>
        [.. (application?.Funding?.Payments ?? []).Where(which)];
}

/// <summary>Which check of a proof of use: the first check (within three months of receipt) or the in-depth check of a sampled proof.</summary>
public enum ProofCheck
{
    First,
    InDepth,
}
