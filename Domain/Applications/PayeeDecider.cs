using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Applications;

/// <summary>
/// The account a grant is paid into. The applicant's people or a caseworker propose it; it counts only once a second person
/// of the funding authority, one who releases payments, confirms it: whoever proposed an account never confirms it (four-eyes).
/// A new proposal replaces one still waiting for confirmation; the confirmed account stays until another one is confirmed.
/// </summary>
public static class PayeeDecider
{
    public const string FourEyes = Duties.PayeeFourEyes;

    /// <summary>
    /// Proposes <paramref name="account"/>. When a natural person applies, their account is personal data: the caller seals it with
    /// the person's key and gives it as <paramref name="sealedAccount"/>, with the pending and confirmed accounts opened to compare;
    /// the event then carries only the sealed account (ADR 0084).
    /// </summary>
    public static PayeeAccountProposed Propose(
        FundingApplication application, PayeeAccount account, string? reason, CaseSide side, Stamp stamp, SealedPayeeAccount? sealedAccount = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(account);
        if (application.Status == ApplicationStatus.Draft)
            throw new RuleViolation("payee.draft", "The account the grant is paid into is given once the application is submitted.");
        if (application.IsClosed)
            throw new RuleViolation("payee.case-closed", $"The application is {application.Status}: nothing more is paid on it.");
        if (application.ApplicantPerson is { Erased: true })
            throw new RuleViolation("payee.person-data-erased", "The applicant person's data are erased: no account of theirs can be recorded any more.");
        if (application.ApplicantPerson is not null && sealedAccount is null)
            throw new InvalidOperationException("A natural person's account is sealed with their key before it is proposed.");
        if (side == CaseSide.Applicant) SeparationOfDuties.EnsureMayActForApplicant(application, stamp);
        else SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        var pending = sealedAccount is null ? application.PendingPayee?.Account : sealedAccount.OpenedPending;
        var confirmed = sealedAccount is null ? application.Payee : sealedAccount.OpenedConfirmed;
        if (application.PendingPayee is not null && account.SameAs(pending))
            throw new RuleViolation("payee.already-proposed", "This account is proposed already and waits for its confirmation.");
        if (application.PendingPayee is null && account.SameAs(confirmed))
            throw new RuleViolation("payee.unchanged", "The grant is paid into this account already.");
        return sealedAccount is null
            ? new PayeeAccountProposed(application.Id, application.PayeeProposals + 1, account.Iban.Value, account.Bic, account.Holder,
                Blank(reason), side, stamp.By, stamp.At)
            : new PayeeAccountProposed(application.Id, application.PayeeProposals + 1, null, null, null, null, side, stamp.By, stamp.At,
                sealedAccount.Sealed);
    }

    public static PayeeAccountConfirmed Confirm(FundingApplication application, Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(application);
        var pending = application.PendingPayee
                      ?? throw new RuleViolation("payee.nothing-to-confirm", "No account waits for confirmation on this application.");
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        if (PaymentFourEyes.SamePerson(pending.ProposedBy, stamp.By))
            throw new RuleViolation(FourEyes, "You proposed this account; someone else confirms it (four-eyes principle).");
        return new PayeeAccountConfirmed(application.Id, pending.Number, stamp.By, stamp.At);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// A natural person's proposed account as the decider sees it (ADR 0084): sealed with their key for the event (account and reason),
/// and their pending and confirmed accounts as opened by the caller, to tell a repeated proposal from a new one.
/// </summary>
/// <param name="Sealed">The proposed account and its reason, sealed with the person's key.</param>
/// <param name="OpenedPending">The account waiting for confirmation, opened; none if none waits.</param>
/// <param name="OpenedConfirmed">The confirmed account, opened; none if none is confirmed.</param>
public sealed record SealedPayeeAccount(SealedPersonalData Sealed, PayeeAccount? OpenedPending, PayeeAccount? OpenedConfirmed);
