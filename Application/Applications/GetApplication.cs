using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Application.Privacy;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Applications;

public static class GetApplicationEndpoint
{
    /// <summary>
    /// Reads one funding application. Everything that happened to it: plan, documents, vote, proposals and decision, payments,
    /// proofs of use, reclaims, the account the grant is paid into (its IBAN masked for everybody but caseworkers, who release
    /// payments; a natural person's account opened for the readers of their data and erased with them). An external expert reads the
    /// applications assigned to them, without the payee account.
    /// </summary>
    [Authorize(Roles = Roles.AssignedApplicationReaders)]
    [WolverineGet("/api/applications/{id}")]
    public static async Task<ApplicationDetails> Get(
        [Document] ApplicationDetails application, ClaimsPrincipal user, IDocumentSession session, PersonalDataVault vault, CancellationToken cancellation)
    {
        var asExpert = await ExternalExpertAccess.EnsureMayReadAsync(user, application, session, cancellation);
        var read = await PayeeSealing.ForReaderAsync(application, user, session, vault, cancellation);
        // The expert scores the project, not the payment: the account the grant is paid into is none of theirs.
        return asExpert ? read with { PayeeAccount = null, ProposedPayeeAccount = null } : read;
    }
}
