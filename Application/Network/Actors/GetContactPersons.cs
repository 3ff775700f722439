using Fachwerk.Application.Privacy;
using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.People;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Network.Actors;

/// <summary>The read that opens contact persons' personal data, for the roles that need them.</summary>
public static class GetContactPersonsEndpoint
{
    public static void Before(NetworkActorDetails actor, ClaimsPrincipal user) => user.EnsureMayReadNetworkPeople(actor.AllianceId);

    /// <summary>Lists the actor's contact persons with their personal data (unless erased).</summary>
    [Authorize(Roles = NetworkRoles.PersonalDataReaders)]
    [WolverineGet("/api/network-actors/{actorId}/contact-persons")]
    public static Task<IReadOnlyList<NetworkPersonView>> Get(
        [Document("actorId")] NetworkActorDetails actor, IQuerySession session, PersonalDataVault vault, CancellationToken cancellation) =>
        NetworkPeople.ListAsync(vault, session, actor.Id, NetworkPersonRole.ContactPerson, cancellation);
}
