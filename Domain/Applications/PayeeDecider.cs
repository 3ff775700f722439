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

    public static PayeeAccountProposed Propose(FundingApplication application, PayeeAccount account, string? reason, CaseSide side, Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(account);
        if (application.Status == ApplicationStatus.Draft)
            throw new RuleViolation("payee.draft", "The account the grant is paid into is given once the application is submitted.");
        if (application.IsClosed)
            throw new RuleViolation("payee.case-closed", $"The application is {application.Status}: nothing more is paid on it.");
        if (side == CaseSide.Applicant) SeparationOfDuties.EnsureMayActForApplicant(application, stamp);
        else SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        if (application.PendingPayee is { } pending && account.SameAs(pending.Account))
            throw new RuleViolation("payee.already-proposed", "This account is proposed already and waits for its confirmation.");
        if (application.PendingPayee is null && account.SameAs(application.Payee))
            throw new RuleViolation("payee.unchanged", "The grant is paid into this account already.");
        return new PayeeAccountProposed(application.Id, application.PayeeProposals + 1, account.Iban.Value, account.Bic, account.Holder,
            Blank(reason), side, stamp.By, stamp.At);
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
