using System.Security.Claims;
using Fachwerk.Application.Common;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Fachwerk.Application.People;

/// <summary>What the caller acts for in this request: the organisations, alliances and pilot projects, recorded or claimed by the token.</summary>
/// <param name="UserId">The caller's user id.</param>
/// <param name="Roles">The caller's roles.</param>
/// <param name="Organisations">The organisations the caller acts for (as an applicant).</param>
/// <param name="Alliances">The alliances the caller reviews for.</param>
/// <param name="Pilots">The pilot projects the caller leads.</param>
public sealed record MyBindings(string UserId, IReadOnlyList<string> Roles, IReadOnlyList<Guid> Organisations, IReadOnlyList<Guid> Alliances,
    IReadOnlyList<Guid> Pilots);

public static class GetPersonEndpoints
{
    /// <summary>
    /// Shows what Fachwerk records about a person's bindings: those granted, with when, by whom and why, and those revoked. A person
    /// nothing is recorded for yet answers with none and version 0. An organisation's own administrator sees only the bindings to
    /// their organisations (and the version to send with a grant or revocation).
    /// </summary>
    [Authorize(Roles = Roles.Auditors + "," + Roles.OrganisationAdministrator)]
    [WolverineGet("/api/admin/people/{userId}")]
    public static async Task<PersonView> Get(string userId, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellation) =>
        BindingAccess.VisibleTo(user, await PersonView.LoadAsync(session, userId, cancellation));

    /// <summary>Shows what the caller acts for: their roles, and the organisations, alliances and pilot projects they are bound to.</summary>
    [WolverineGet("/api/people/me")]
    public static MyBindings Me(ClaimsPrincipal user) => new(
        user.UserId(),
        [.. user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value).Distinct()],
        user.BoundTo(UserClaims.Organisation), user.BoundTo(UserClaims.Alliance), user.BoundTo(UserClaims.Pilot));
}
