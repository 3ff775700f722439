using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.People;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Network.Actors;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Actors;

public static class EraseContactPersonDataEndpoint
{
    public static void Before(NetworkActor actor, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(actor.AllianceId);

    /// <summary>
    /// Erases a contact person's personal data on request (GDPR Art. 17) and destroys their key; that they were the contact,
    /// and since when, stays. Answers the actor's new version.
    /// </summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/network-actors/{actorId}/contact-persons/{contactPersonId}/erasure")]
    public static (CommandAccepted, Events) Post(
        EraseContactPersonData command, Guid contactPersonId, [WriteAggregate("actorId")] NetworkActor actor, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock)
    {
        Events events = [ActorDecider.EraseContactPerson(actor, contactPersonId, command.Request, user.Stamp(clock))];
        PersonalDataVault.DestroyKey(session, contactPersonId);
        return (CommandAccepted.After(actor.Id, command, events), events);
    }
}
