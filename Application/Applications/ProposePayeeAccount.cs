using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// Proposes the account the grant is paid into from now on. It counts once a second person of the funding authority confirms it.
/// </summary>
/// <param name="Iban">The account's IBAN; spaces and lower case are fine (DE89 3704 0044 0532 0130 00).</param>
/// <param name="Bic">The bank's BIC, 8 or 11 characters; may be left out (SEPA transfers need only the IBAN).</param>
/// <param name="Holder">The account holder's name as the bank knows it, at most 70 characters.</param>
/// <param name="Reason">Why the account is given or changed, e.g. "The association moved its account to the Sparkasse".</param>
public sealed record ProposePayeeAccount(long ExpectedVersion, string Iban, string? Bic, string Holder, string? Reason = null) : IChangeCommand;

public sealed class ProposePayeeAccountValidator : ChangeCommandValidator<ProposePayeeAccount>
{
    public ProposePayeeAccountValidator()
    {
        RuleFor(x => x.Iban).Custom((iban, context) =>
        {
            var problem = Domain.Applications.Iban.Check(iban, out _);
            if (problem != IbanProblem.None) context.AddFailure(Domain.Applications.Iban.Explain(problem));
        });
        RuleFor(x => x.Bic).Must(bic => string.IsNullOrWhiteSpace(bic) || PayeeAccount.IsBic(bic)).WithMessage(PayeeAccount.BicProblem);
        RuleFor(x => x.Holder).Must(holder => !string.IsNullOrWhiteSpace(holder)).WithMessage("Name the account holder as the bank knows them.")
            .Must(holder => (holder?.Trim().Length ?? 0) <= PayeeAccount.HolderLength)
            .WithMessage($"The account holder's name has at most {PayeeAccount.HolderLength} characters.");
    }
}

public static class ProposePayeeAccountEndpoint
{
    /// <summary>The applicant's people for their own organisation; caseworkers for any application they do not apply for themselves.</summary>
    public static void Before(FundingApplication application, ClaimsPrincipal user)
    {
        if (SideOf(application, user) == CaseSide.Authority) user.EnsureNotActingForApplicant(application.ApplicantId);
        else user.EnsureActsForOrganisation(application.ApplicantId);
    }

    /// <summary>
    /// Proposes the account the grant is paid into: IBAN (checked with its check digits), BIC and holder. The applicant's people
    /// propose it for their own application, caseworkers for any; it counts only once a caseworker other than the proposer
    /// confirms it (<c>POST .../payee-account/confirmation</c>). A new proposal replaces one still waiting. A natural person's
    /// account is sealed with their key (erased with their data). The status stays;
    /// answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Applicant + "," + Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/payee-account")]
    public static async Task<(CommandAccepted, Events)> Post(
        ProposePayeeAccount command,
        [WriteAggregate("applicationId")] FundingApplication application,
        IDocumentSession session,
        PersonalDataVault vault,
        ClaimsPrincipal user,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        var account = PayeeAccount.Of(command.Iban, command.Bic, command.Holder);
        // A natural person's account is sealed with their key before it goes into the event (ADR 0084).
        var sealedAccount = await PayeeSealing.SealAsync(application, account, command.Reason, session, vault, cancellation);
        // The reason is sealed with the account then; the events' plain reason header must not repeat it.
        if (sealedAccount is not null && !string.IsNullOrWhiteSpace(command.Reason)) session.SetHeader(CommandMetadata.ReasonHeader, PayeeSealing.SealedReason);
        Events events = [PayeeDecider.Propose(application, account, command.Reason, SideOf(application, user), user.Stamp(clock), sealedAccount)];
        return (CommandAccepted.After(application.Id, command, events), events);
    }

    /// <summary>
    /// For whom the caller proposes: for the applicant when they apply for its organisation, else as a caseworker (a caseworker
    /// who also applies for it acts for the applicant here, and separation of duties keeps them from confirming).
    /// </summary>
    private static CaseSide SideOf(FundingApplication application, ClaimsPrincipal user) =>
        user.IsInRole(Roles.Caseworker) && !(user.IsInRole(Roles.Applicant) && user.IsBoundTo(UserClaims.Organisation, application.ApplicantId))
            ? CaseSide.Authority
            : CaseSide.Applicant;
}
