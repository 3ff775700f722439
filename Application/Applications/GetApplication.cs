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
    public static void Before(ApplicationDetails application, ClaimsPrincipal user) =>
        user.EnsureMayReadApplication(application.Applicant.Id, application.Alliance.Id);

    /// <summary>
    /// Reads one funding application. Everything that happened to it: plan, documents, vote, proposals and decision, payments,
    /// proofs of use, reclaims, the account the grant is paid into (its IBAN masked for everybody but caseworkers, who release
    /// payments; a natural person's account opened for the readers of their data and erased with them).
    /// </summary>
    [Authorize(Roles = Roles.ApplicationReaders)]
    [WolverineGet("/api/applications/{id}")]
    public static Task<ApplicationDetails> Get(
        [Document] ApplicationDetails application, ClaimsPrincipal user, IQuerySession session, PersonalDataVault vault, CancellationToken cancellation) =>
        PayeeSealing.ForReaderAsync(application, user, session, vault, cancellation);
}
