using Fachwerk.Domain.Common;
using static Fachwerk.Domain.Programmes.ProgrammeDecider;

namespace Fachwerk.Domain.Applications;

/// <summary>
/// Pure decisions after approval: payment requests and their release, proofs of use and their checks, reclaims and closure.
/// </summary>
public static class FundingDecider
{
    /// <summary>Money may be requested only for needs due within this many months.</summary>
    public const int PaymentHorizonMonths = 2;

    /// <summary>The first check of a proof of use is due within this many months of receipt.</summary>
    public const int FirstCheckMonths = 3;

    /// <summary>
    /// The recipient requests money. Refused beyond the approved amount not yet paid or requested, beyond what is retained
    /// until the final proof is checked, and when public money would run ahead of the agreed funding rate relative to the own
    /// and third-party money spent so far (proportional draw). Every refusal shows its computation.
    /// </summary>
    public static PaymentRequested RequestPayment(FundingApplication application, PaymentRequest request, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForApplicant(application, stamp);
        var (amount, neededBy, ownAndThirdPartySpent) = request;
        var funding = Funded(application, "asked for a payment");
        var today = AuthorityCalendar.DayOf(stamp.At);
        var horizon = today.AddMonths(PaymentHorizonMonths);
        if (neededBy < today || neededBy > horizon)
            throw new RuleViolation("payment.not-due-soon",
                $"Money is requested for needs due within the next {PaymentHorizonMonths} months, i.e. from {today:yyyy-MM-dd} to {horizon:yyyy-MM-dd}; " +
                $"{neededBy:yyyy-MM-dd} is outside.");
        if (ownAndThirdPartySpent < funding.DeclaredOwnAndThirdPartySpent)
            throw new RuleViolation("payment.spent-decreased",
                $"Own and third-party money spent is cumulative: the last request declared {Eur(funding.DeclaredOwnAndThirdPartySpent)}, " +
                $"this one {Eur(ownAndThirdPartySpent)}.");

        // The decision as amended and in force today (ADR 0121): a raise counts from its effective date.
        var approved = application.PayableOn(today);
        var open = approved - funding.NetPaid - funding.Pending;
        if (amount > open)
            throw new RuleViolation("payment.exceeds-approval",
                $"Approved {Eur(approved)}{(approved < application.ApprovedAmount ? $" in force on {today:yyyy-MM-dd} ({Eur(application.ApprovedAmount!.Value)} from a later effective date)" : "")}, paid {Eur(funding.NetPaid)}, requested and not yet paid {Eur(funding.Pending)}: " +
                $"at most {Eur(open)} can be requested; this request is for {Eur(amount)}.");
        if (!funding.FinalProofSettled && funding.RetainedFinalInstalment > 0 && amount > open - funding.RetainedFinalInstalment)
            throw new RuleViolation("payment.final-instalment-retained",
                $"{Eur(funding.RetainedFinalInstalment)} of the grant is paid only after the final proof of use has been checked; " +
                $"until then at most {Eur(Math.Max(0, open - funding.RetainedFinalInstalment))} can be requested.");
        if (funding.FundingRate < 1)
        {
            var publicMoney = funding.NetPaid + funding.Pending + amount;
            var allowed = Math.Round(ownAndThirdPartySpent * funding.FundingRate / (1 - funding.FundingRate), 2, MidpointRounding.ToZero);
            if (publicMoney > allowed)
                throw new RuleViolation("payment.ahead-of-funding-rate",
                    $"With {Eur(ownAndThirdPartySpent)} of own and third-party money spent, the agreed funding rate of {Percent(funding.FundingRate)} " +
                    $"allows {Eur(allowed)} of public money so far; paid and requested before {Eur(funding.NetPaid + funding.Pending)}, " +
                    $"with this request {Eur(publicMoney)}.");
        }

        return new PaymentRequested(application.Id, funding.PaymentRequests.Count + 1, amount, neededBy, ownAndThirdPartySpent, stamp.By, stamp.At);
    }

    public static PaymentRequestChecked CheckPaymentRequest(FundingApplication application, int requestNumber, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        var request = Request(application, requestNumber);
        if (request.Status != PaymentRequestStatus.Requested)
            throw new RuleViolation("payment.illegal-transition", $"Payment request {requestNumber} is {request.Status}, not waiting for its check.");
        return new PaymentRequestChecked(application.Id, requestNumber, stamp.By, stamp.At);
    }

    public static PaymentRequestRefused RefusePaymentRequest(FundingApplication application, int requestNumber, string reason, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        var request = Request(application, requestNumber);
        if (request.Status is not (PaymentRequestStatus.Requested or PaymentRequestStatus.Checked))
            throw new RuleViolation("payment.illegal-transition", $"Payment request {requestNumber} is {request.Status} and can no longer be refused.");
        return new PaymentRequestRefused(application.Id, requestNumber, reason.Trim(), stamp.By, stamp.At);
    }

    /// <summary>
    /// Releases a checked payment for booking. One person who both checked and released may pay out at most
    /// <paramref name="fourEyesAbove"/> on the application, all payments together (<see cref="PaymentFourEyes"/>); beyond it someone
    /// other than the checker releases. Paying the last money due after a settled final proof closes the case. Money goes only to a
    /// confirmed payee account (ADR 0084).
    /// </summary>
    public static IReadOnlyList<object> ReleasePayment(
        FundingApplication application, int requestNumber, DateOnly bookedOn, decimal fourEyesAbove, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        var request = Request(application, requestNumber);
        if (request.Status != PaymentRequestStatus.Checked)
            throw new RuleViolation("payment.illegal-transition",
                $"Payment request {requestNumber} is {request.Status}; a payment is released once it has been checked.");
        if (!application.HasConfirmedPayee)
            throw new RuleViolation("payment.no-payee-account",
                "No payee account is confirmed on this application: the account the grant is paid into is proposed and confirmed by a second " +
                "caseworker before a payment is released.");
        if (PaymentFourEyes.NeedsSecondPerson(application.Funding!, request, stamp.By, fourEyesAbove))
        {
            var alone = PaymentFourEyes.PaidAlone(application.Funding!, stamp.By);
            throw new RuleViolation(Duties.PaymentFourEyes,
                $"One person who both checks and releases payments may pay out at most {Eur(fourEyesAbove)} on an application, all payments " +
                $"together; you released {Eur(alone)} alone before, with this one {Eur(alone + request.Amount)}. Someone other than the checker releases it.");
        }

        var released = new PaymentReleased(application.Id, application.ProgrammeId, requestNumber, request.Amount, bookedOn, stamp.By, stamp.At,
            application.AllianceId, application.District);
        return [released, .. CloseIfComplete(FundingApplication.Evolve(application, released), stamp)];
    }

    /// <summary>
    /// The recipient submits a proof of use. The final proof covers the whole project: it is submitted after the project's last
    /// day (and is due six months after it, ANBest-P 6.1); interim proofs any time once asked for.
    /// </summary>
    public static ProofOfUseSubmitted SubmitProof(FundingApplication application, string proof, ProofOfUseReport report, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForApplicant(application, stamp);
        var owed = Proof(application, proof);
        if (owed.Submitted)
            throw new RuleViolation("proof.already-submitted", $"Proof of use '{proof}' was submitted on {owed.SubmittedAt:yyyy-MM-dd}.");
        var today = AuthorityCalendar.DayOf(stamp.At);
        var end = application.Plan.Duration.To;
        if (owed.Kind == ProofKind.Final && today <= end)
            throw new RuleViolation("proof.final-before-end",
                $"The final proof of use covers the whole project and is submitted after its last day, {end:yyyy-MM-dd} (due by {owed.DueBy:yyyy-MM-dd}); " +
                $"today is {today:yyyy-MM-dd}. Until then, interim proofs report on the project.");
        return new ProofOfUseSubmitted(application.Id, proof, owed.Kind, report.Narrative.Trim(), report.SpentByCategory, report.OwnShareSpent,
            report.ThirdPartySpent, report.Receipts, stamp.By, stamp.At);
    }

    public static ProofOfUseDeadlineExtended ExtendProofDeadline(FundingApplication application, string proof, DateOnly dueBy, string reason, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        var owed = Proof(application, proof);
        if (owed.Submitted)
            throw new RuleViolation("proof.already-submitted", $"Proof of use '{proof}' has been submitted; its deadline no longer matters.");
        if (dueBy <= owed.DueBy)
            throw new RuleViolation("proof.not-an-extension", $"Proof of use '{proof}' is due by {owed.DueBy:yyyy-MM-dd}; an extension moves it later.");
        return new ProofOfUseDeadlineExtended(application.Id, proof, owed.DueBy, dueBy, reason.Trim(), stamp.By, stamp.At);
    }

    /// <summary>The proof's due date has come: flag it overdue if it is still missing. Early, repeated or late deliveries change nothing.</summary>
    public static IReadOnlyList<object> FlagOverdueProof(FundingApplication application, string proof, Stamp stamp)
    {
        var owed = application.Funding?.Proofs.FirstOrDefault(p => p.Proof == proof);
        var today = AuthorityCalendar.DayOf(stamp.At);
        return owed is { Submitted: false, Overdue: false } && today > owed.DueBy && !application.IsClosed
            ? [new ProofOfUseOverdue(application.Id, proof, owed.DueBy, stamp.By, stamp.At)]
            : [];
    }

    public static IReadOnlyList<object> CompleteFirstCheck(FundingApplication application, string proof, IReadOnlyList<Finding> findings, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        var owed = Proof(application, proof);
        if (!owed.Submitted || owed.FirstChecked)
            throw new RuleViolation("proof.illegal-transition",
                owed.Submitted ? $"Proof of use '{proof}' has had its first check." : $"Proof of use '{proof}' has not been submitted yet.");
        var checkedEvent = new ProofOfUseFirstCheckCompleted(application.Id, proof, findings, stamp.By, stamp.At);
        return [checkedEvent, .. CloseIfComplete(FundingApplication.Evolve(application, checkedEvent), stamp)];
    }

    /// <summary>Draws the proof into an in-depth check sample; a proof already in a sample stays where it is.</summary>
    public static IReadOnlyList<object> SelectForInDepthCheck(FundingApplication application, string proof, Guid sampleId, Stamp stamp)
    {
        var owed = Proof(application, proof);
        if (!owed.FirstChecked)
            throw new RuleViolation("proof.illegal-transition", $"Proof of use '{proof}' is sampled for an in-depth check only after its first check.");
        return owed.SelectedForInDepthCheck ? [] : [new ProofOfUseSelectedForInDepthCheck(application.Id, proof, sampleId, stamp.By, stamp.At)];
    }

    public static IReadOnlyList<object> CompleteInDepthCheck(FundingApplication application, string proof, IReadOnlyList<Finding> findings, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        var owed = Proof(application, proof);
        if (!owed.SelectedForInDepthCheck || owed.InDepthChecked)
            throw new RuleViolation("proof.illegal-transition",
                owed.InDepthChecked ? $"Proof of use '{proof}' has had its in-depth check." : $"Proof of use '{proof}' was not sampled for an in-depth check.");
        var checkedEvent = new ProofOfUseInDepthCheckCompleted(application.Id, proof, findings, stamp.By, stamp.At);
        return [checkedEvent, .. CloseIfComplete(FundingApplication.Evolve(application, checkedEvent), stamp)];
    }

    /// <summary>
    /// Revokes part or all of the grant (Rückforderung): the approved amount falls by <paramref name="amount"/>, and what was paid
    /// beyond the new amount is to be repaid by <paramref name="repayBy"/>.
    /// </summary>
    public static IReadOnlyList<object> DemandReclaim(FundingApplication application, decimal amount, string reason, DateOnly repayBy, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        var funding = Funded(application, "reclaimed from");
        var approved = application.ApprovedAmount!.Value;
        if (amount <= 0 || amount > approved)
            throw new RuleViolation("reclaim.amount-out-of-range", $"A reclaim revokes more than 0 EUR and at most the approved {Eur(approved)}; asked: {Eur(amount)}.");
        if (funding.Pending > 0)
            throw new RuleViolation("reclaim.payments-pending",
                $"{Eur(funding.Pending)} of payment requests are still open; release or refuse them before reclaiming.");
        var newApproved = approved - amount;
        var repaymentDue = Math.Max(0, funding.NetPaid - newApproved);
        var reclaim = new ReclaimDemanded(application.Id, application.ProgrammeId, amount, newApproved, repaymentDue, repayBy, reason.Trim(), stamp.By, stamp.At,
            application.AllianceId, application.District);
        return [reclaim, .. CloseIfComplete(FundingApplication.Evolve(application, reclaim), stamp)];
    }

    public static IReadOnlyList<object> RecordRepayment(FundingApplication application, decimal amount, DateOnly bookedOn, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        if (application.Status != ApplicationStatus.ReclaimDemanded)
            throw new RuleViolation("reclaim.nothing-due", $"No repayment is due for this application; it is {application.Status}.");
        var due = application.Funding!.RepaymentDue;
        if (amount <= 0 || amount > due)
            throw new RuleViolation("reclaim.amount-out-of-range", $"{Eur(due)} is to be repaid; received: {Eur(amount)}.");
        var repaid = new RepaymentReceived(application.Id, application.ProgrammeId, amount, bookedOn, stamp.By, stamp.At, application.AllianceId, application.District);
        return [repaid, .. CloseIfComplete(FundingApplication.Evolve(application, repaid), stamp)];
    }

    /// <summary>
    /// Closes the case once the final proof of use is settled, also when not all of the grant was called: the unpaid rest goes
    /// back to the programme.
    /// </summary>
    public static ApplicationClosed Close(FundingApplication application, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        var funding = Funded(application, "closed");
        if (!funding.FinalProofSettled)
            throw new RuleViolation("closure.final-proof-open",
                "A case is closed once the final proof of use has passed its checks, or what they found has been reclaimed.");
        if (funding.MissingInterimProofs is { Count: > 0 } missing)
            throw new RuleViolation("closure.interim-proof-missing",
                $"The decision asked for the interim proofs of use {string.Join(", ", missing.Select(p => $"'{p.Proof}' (due by {p.DueBy:yyyy-MM-dd})"))}; " +
                "a case is closed once every proof of use has been submitted.");
        if (funding.Pending > 0)
            throw new RuleViolation("closure.payments-pending", $"{Eur(funding.Pending)} of payment requests are still open.");
        return new ApplicationClosed(application.Id, application.ProgrammeId, funding.NetPaid, application.ApprovedAmount!.Value - funding.NetPaid,
            stamp.By, stamp.At);
    }

    /// <summary>
    /// Closes automatically when the final proof is settled, every interim proof has been submitted and exactly the approved amount
    /// has been paid.
    /// </summary>
    private static IReadOnlyList<object> CloseIfComplete(FundingApplication application, Stamp stamp) =>
        application is { Status: ApplicationStatus.Approved, Funding: { FinalProofSettled: true, Pending: 0, MissingInterimProofs.Count: 0 } funding }
        && funding.NetPaid == application.ApprovedAmount
            ? [new ApplicationClosed(application.Id, application.ProgrammeId, funding.NetPaid, 0, stamp.By, stamp.At)]
            : [];

    private static Funding Funded(FundingApplication application, string what) =>
        application is { Status: ApplicationStatus.Approved, Funding: { } funding }
            ? funding
            : throw new RuleViolation("funding.illegal-transition",
                $"An application can be {what} only while it is approved and not closed; this one is {application.Status}.");

    private static PaymentRequestState Request(FundingApplication application, int number) =>
        application.Funding?.PaymentRequests.FirstOrDefault(r => r.Number == number)
        ?? throw new RuleViolation("payment.unknown-request", $"There is no payment request {number} for this application.");

    private static ProofState Proof(FundingApplication application, string proof)
    {
        if (application.Funding is null || application.IsClosed)
            throw new RuleViolation("proof.illegal-transition", $"Proofs of use belong to approved, open cases; this application is {application.Status}.");
        return application.Funding.Proofs.FirstOrDefault(p => p.Proof == proof)
               ?? throw new RuleViolation("proof.unknown",
                   $"The approval asks for the proofs of use {string.Join(", ", application.Funding.Proofs.Select(p => p.Proof))}, not '{proof}'.");
    }
}
