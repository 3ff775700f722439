using System.Security.Claims;
using Fachwerk.Application.Common;

namespace Fachwerk.Application.Applications;

/// <summary>
/// The payee account's IBAN in full only for those who release payments (caseworkers): they check it against the bank
/// details before paying. Everybody else who reads the application sees it masked (ADR 0084).
/// </summary>
public static class PayeeMasking
{
    /// <summary>Who reads payee IBANs in full.</summary>
    public const string FullReaders = Roles.Caseworker;

    public static ApplicationDetails For(ApplicationDetails application, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(user);
        if (user.HoldsAnyOf(FullReaders) || (application.PayeeAccount is null && application.ProposedPayeeAccount is null)) return application;
        return application with { PayeeAccount = application.PayeeAccount?.Masked(), ProposedPayeeAccount = application.ProposedPayeeAccount?.Masked() };
    }
}
