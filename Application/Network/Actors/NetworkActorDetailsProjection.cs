using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network.Actors;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Fachwerk.Application.Network.Actors;

public sealed partial class NetworkActorDetailsProjection : SingleStreamProjection<NetworkActorDetails, Guid>
{
    public static NetworkActorDetails Create(IEvent<NetworkActorEstablished> e) => new()
    {
        Id = e.Data.ActorId,
        Version = e.Version,
        Name = e.Data.Name,
        Kind = e.Data.Kind,
        CoordinatingOffice = e.Data.CoordinatingOffice,
        Purpose = e.Data.Purpose,
        Nationwide = e.Data.Nationwide,
        Areas = e.Data.Areas,
        FederalStates = e.Data.Nationwide ? Enum.GetValues<FederalState>() : [.. e.Data.Areas.Select(a => a.FederalState).Distinct().Order()],
        Districts = [.. e.Data.Areas.Select(a => a.District).OfType<string>()],
        AllianceId = e.Data.AllianceId,
        ProgrammeId = e.Data.ProgrammeId,
        EstablishedOn = e.Data.EstablishedOn,
        LastChangedAt = e.Timestamp,
    };

    public static NetworkActorDetails Apply(IEvent<ActorMemberJoined> e, NetworkActorDetails actor) =>
        Touched(e, actor) with { Members = [.. actor.Members, new ActorMemberRecord(e.Data.Member, e.Data.Role, e.Data.JoinedOn)] };

    public static NetworkActorDetails Apply(IEvent<ActorMemberLeft> e, NetworkActorDetails actor) =>
        Touched(e, actor) with
        {
            Members = [.. actor.Members.Where(m => m.Member.Id != e.Data.MemberId)],
            FormerMembers = [.. actor.FormerMembers, .. actor.Members.Where(m => m.Member.Id == e.Data.MemberId)
                .Select(m => m with { LeftOn = e.Data.LeftOn, LeavingReason = e.Data.Reason })],
        };

    public static NetworkActorDetails Apply(IEvent<ContactPersonNamed> e, NetworkActorDetails actor) =>
        Touched(e, actor) with
        {
            ContactPersons = [.. actor.ContactPersons, new ContactPersonRecord(e.Data.ContactPersonId, e.Data.Organisation, e.Data.Since, false)],
        };

    public static NetworkActorDetails Apply(IEvent<ContactPersonDataErased> e, NetworkActorDetails actor) =>
        Touched(e, actor) with
        {
            ContactPersons = [.. actor.ContactPersons.Select(c => c.Id == e.Data.ContactPersonId ? c with { PersonalDataErased = true } : c)],
        };

    private static NetworkActorDetails Touched(IEvent e, NetworkActorDetails actor) => actor with { Version = e.Version, LastChangedAt = e.Timestamp };
}
