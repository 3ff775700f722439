using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;

namespace Fachwerk.Domain.Network.Actors;

/// <summary>What kind of actor of the regional network (beyond the alliances) this is.</summary>
public enum ActorKind
{
    /// <summary>A network, e.g. the federal network "Fachkräfte für die Region".</summary>
    Network,

    /// <summary>An initiative, e.g. the skilled-labour initiative LÖWENPITCH.</summary>
    Initiative,

    /// <summary>A working group, e.g. a district's working group on re-integration into the labour market.</summary>
    WorkingGroup,

    /// <summary>A district's labour-market circle (Regionaler Arbeitsmarktkreis) that bundles all actors and manages a budget.</summary>
    LabourMarketCircle,

    /// <summary>An innovation office, e.g. the skilled-labour innovation office of a federal ministry.</summary>
    InnovationOffice,

    /// <summary>A region across district and state borders, e.g. the European Metropolitan Region of Central Germany.</summary>
    MetropolitanRegion,
}

/// <summary>The role a member plays in a network actor.</summary>
public enum MemberRole
{
    /// <summary>Coordinates the actor (its office or lead).</summary>
    Coordinator,

    /// <summary>Sits on its steering group.</summary>
    SteeringGroup,
    Member,

    /// <summary>Works with it without being a member.</summary>
    Partner,

    /// <summary>Pays for its work.</summary>
    Funder,
}

/// <summary>
/// A network actor was established: its kind, coordinating office, the area it covers (nationwide, or districts in one or
/// several states), the alliance it works in and the funding programme whose budget it manages, if any.
/// </summary>
public sealed record NetworkActorEstablished(
    Guid ActorId,
    string Name,
    ActorKind Kind,
    string CoordinatingOffice,
    string? Purpose,
    bool Nationwide,
    IReadOnlyList<Area> Areas,
    Guid? AllianceId,
    Guid? ProgrammeId,
    DateOnly EstablishedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>An organisation, alliance or other actor became a member of the actor in a role.</summary>
public sealed record ActorMemberJoined(
    Guid ActorId,
    NetworkParty Member,
    MemberRole Role,
    DateOnly JoinedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

public sealed record ActorMemberLeft(
    Guid ActorId,
    Guid MemberId,
    DateOnly LeftOn,
    string? Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>
/// A contact person of the actor was named. Name, position, e-mail and phone are in <paramref name="PersonalData"/>, sealed
/// with the person's own key; the organisation they work for is not personal data.
/// </summary>
public sealed record ContactPersonNamed(
    Guid ActorId,
    Guid ContactPersonId,
    string? Organisation,
    DateOnly Since,
    SealedPersonalData PersonalData,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact, INetworkPersonFact
{
    Guid INetworkPersonFact.PersonId => ContactPersonId;
}

/// <summary>A contact person's personal data were erased on request (GDPR Art. 17); their key was destroyed in the same transaction.</summary>
public sealed record ContactPersonDataErased(
    Guid ActorId,
    Guid ContactPersonId,
    ErasureGround LegalBasis,
    DateOnly RequestedOn,
    string? RequestReference,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact, INetworkPersonFact
{
    Guid INetworkPersonFact.PersonId => ContactPersonId;
}
