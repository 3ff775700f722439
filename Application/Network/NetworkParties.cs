using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Actors;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Marten;

namespace Fachwerk.Application.Network;

/// <summary>
/// Finds the parties a command names by id: organisations of the registry, alliances and network actors, with their names
/// as they are now. An id that is none of these answers 404.
/// </summary>
public static class NetworkParties
{
    /// <summary>The parties in the order given (an id given twice is answered twice, so the rules can refuse it).</summary>
    public static async Task<IReadOnlyList<NetworkParty>> ResolveAsync(IQuerySession session, IReadOnlyCollection<Guid> ids, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) return [];
        var wanted = ids.Distinct().ToArray();
        var found = (await session.LoadManyAsync<OrganisationDetails>(cancellation, wanted))
            .ToDictionary(o => o.Id, o => new NetworkParty(o.Id, o.Name, PartyKind.Organisation, o.Kind));
        if (Missing(wanted, found) is { Length: > 0 } notOrganisations)
        {
            foreach (var alliance in await session.LoadManyAsync<AllianceDetails>(cancellation, notOrganisations))
                found[alliance.Id] = new NetworkParty(alliance.Id, alliance.Name, PartyKind.Alliance);
        }

        if (Missing(wanted, found) is { Length: > 0 } notAlliances)
        {
            foreach (var actor in await session.LoadManyAsync<NetworkActorDetails>(cancellation, notAlliances))
                found[actor.Id] = new NetworkParty(actor.Id, actor.Name, PartyKind.NetworkActor);
        }

        if (Missing(wanted, found) is [var unknown, ..])
            throw new UnknownEntity(Problems.NotFoundCode, $"There is no organisation, alliance or network actor with id {unknown}.");
        return [.. ids.Select(id => found[id])];
    }

    private static Guid[] Missing(Guid[] wanted, Dictionary<Guid, NetworkParty> found) => [.. wanted.Where(id => !found.ContainsKey(id))];

    public static async Task<NetworkParty> ResolveAsync(IQuerySession session, Guid id, CancellationToken cancellation) =>
        (await ResolveAsync(session, [id], cancellation))[0];

    /// <summary>Loads the read model of a record the command names (an alliance, a programme); 404 when there is none.</summary>
    public static async Task<T> LoadAsync<T>(IQuerySession session, Guid id, CancellationToken cancellation) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.LoadAsync<T>(id, cancellation)
               ?? throw new UnknownEntity(Problems.NotFoundCode, $"There is no {Problems.NameOf(typeof(T).Name)} with id {id}.");
    }
}
