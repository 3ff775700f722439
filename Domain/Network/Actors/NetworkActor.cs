using System.Collections.Immutable;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Actors;

public sealed record ActorMember(NetworkParty Party, MemberRole Role, DateOnly JoinedOn);

/// <summary>A contact person as the rules need them: no personal data (those are sealed in the events).</summary>
public sealed record ContactPerson(Guid Id, DateOnly Since, bool PersonalDataErased);

/// <summary>
/// Write model of a network actor (network, initiative, working group, labour-market circle, innovation office,
/// metropolitan region), folded from its one stream; members and contact persons are entities inside it.
/// </summary>
public sealed record NetworkActor(
    Guid Id,
    string Name,
    ActorKind Kind,
    Guid? AllianceId,
    DateOnly EstablishedOn,
    ImmutableDictionary<Guid, ActorMember> Members,
    ImmutableDictionary<Guid, ContactPerson> ContactPersons) : IEventSourced<NetworkActor>
{
    public static NetworkActor Evolve(NetworkActor? actor, object @event) => (actor, @event) switch
    {
        (null, NetworkActorEstablished established) => new NetworkActor(established.ActorId, established.Name, established.Kind,
            established.AllianceId, established.EstablishedOn, ImmutableDictionary<Guid, ActorMember>.Empty,
            ImmutableDictionary<Guid, ContactPerson>.Empty),
        (null, _) => throw new UnexpectedFirstEventException(typeof(NetworkActor), @event),

        (_, ActorMemberJoined joined) => actor with
        {
            Members = actor.Members.SetItem(joined.Member.Id, new ActorMember(joined.Member, joined.Role, joined.JoinedOn)),
        },
        (_, ActorMemberLeft left) => actor with { Members = actor.Members.Remove(left.MemberId) },
        (_, ContactPersonNamed named) => actor with
        {
            ContactPersons = actor.ContactPersons.SetItem(named.ContactPersonId, new ContactPerson(named.ContactPersonId, named.Since, false)),
        },
        (_, ContactPersonDataErased erased) => actor with
        {
            ContactPersons = actor.ContactPersons.SetItem(erased.ContactPersonId,
                actor.ContactPersons[erased.ContactPersonId] with { PersonalDataErased = true }),
        },
        _ => actor,
    };
}
