using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// A natural person's payee account is their personal data (ADR 0084): sealed with their own key (ADR 0123's applicant record) before it
/// goes into <see cref="PayeeAccountProposed"/>, kept sealed in the read model, opened only for the readers of their data, and read as
/// erased once the key is destroyed. Organisations' accounts pass through unchanged.
/// </summary>
public static class PayeeSealing
{
    /// <summary>The reason header of a natural person's proposal: the reason itself is sealed with the account.</summary>
    public const string SealedReason = "[sealed with the payee account]";

    /// <summary>
    /// Seals the proposed account (and its reason) with the applicant person's key, and opens their pending and confirmed accounts for
    /// the decider to compare; none when an organisation applies or the person's data are erased (the decider refuses then).
    /// </summary>
    public static async Task<SealedPayeeAccount?> SealAsync(
        FundingApplication application, PayeeAccount account, string? reason, IDocumentSession session, PersonalDataVault vault, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(vault);
        if (application.ApplicantPerson is not { Erased: false } person) return null;
        var data = new PayeeAccountData(account.Iban.Value, account.Bic, account.Holder, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        var sealedAccount = await vault.SealAgainAsync(session, person.SubjectId, data, cancellation)
                            ?? throw new RuleViolation("payee.person-data-erased", "The applicant person's data are erased: no account of theirs can be recorded any more.");
        var pending = await OpenAsync(application.PendingPayee?.Sealed, session, vault, cancellation);
        var confirmed = await OpenAsync(application.SealedPayee, session, vault, cancellation);
        return new SealedPayeeAccount(sealedAccount, pending?.Account, confirmed?.Account);
    }

    /// <summary>
    /// The application's payee accounts as <paramref name="user"/> may read them: a natural person's opened for the readers of their data
    /// (caseworkers, approvers, auditors, the person), not shown to others, erased once their key is gone; then the IBAN masked for all but
    /// caseworkers (<see cref="PayeeMasking"/>).
    /// </summary>
    public static async Task<ApplicationDetails> ForReaderAsync(
        ApplicationDetails application, ClaimsPrincipal user, IQuerySession session, PersonalDataVault vault, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(user);
        var mayRead = user.HoldsAnyOf(GetApplicantPersonEndpoint.PersonalDataReaders)
                      || (user.IsInRole(Roles.Applicant) && user.IsBoundTo(UserClaims.Organisation, application.Applicant.Id));
        return PayeeMasking.For(await OpenedAsync(application, mayRead, session, vault, cancellation), user);
    }

    /// <summary>The application's payee accounts opened (<paramref name="mayRead"/>) or not shown, erased where the key is gone.</summary>
    public static async Task<ApplicationDetails> OpenedAsync(
        ApplicationDetails application, bool mayRead, IQuerySession session, PersonalDataVault vault, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application with
        {
            PayeeAccount = await OpenedAsync(application.PayeeAccount, mayRead, session, vault, cancellation),
            ProposedPayeeAccount = await OpenedAsync(application.ProposedPayeeAccount, mayRead, session, vault, cancellation),
        };
    }

    private static async Task<PayeeAccountRecord?> OpenedAsync(
        PayeeAccountRecord? record, bool mayRead, IQuerySession session, PersonalDataVault vault, CancellationToken cancellation)
    {
        if (record?.Sealed is not { } sealedAccount) return record;
        if (!mayRead) return record.AsNotShown();
        return await OpenAsync(sealedAccount, session, vault, cancellation) is { } data ? record.Opened(data) : record.AsErased();
    }

    private static async Task<PayeeAccountData?> OpenAsync(SealedPersonalData? sealedAccount, IQuerySession session, PersonalDataVault vault, CancellationToken cancellation) =>
        sealedAccount is null ? null : (await vault.OpenEachAsync<PayeeAccountData>(session, [sealedAccount], cancellation))[0];
}
