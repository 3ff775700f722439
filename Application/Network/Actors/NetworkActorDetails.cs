using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Actors;

namespace Fachwerk.Application.Network.Actors;

/// <summary>A member of a network actor.</summary>
/// <param name="Member">The organisation, alliance or actor.</param>
/// <param name="Role">Its role.</param>
/// <param name="JoinedOn">The day it joined.</param>
/// <param name="LeftOn">The day it left, if it did.</param>
/// <param name="LeavingReason">Why it left.</param>
public sealed record ActorMemberRecord(NetworkParty Member, MemberRole Role, DateOnly JoinedOn, DateOnly? LeftOn = null, string? LeavingReason = null);

/// <summary>A contact person of a network actor, without personal data (those are read by the roles allowed).</summary>
/// <param name="Id">The contact person's id.</param>
/// <param name="Organisation">The organisation they work for.</param>
/// <param name="Since">Since when they are the contact.</param>
/// <param name="PersonalDataErased">Whether their personal data were erased.</param>
public sealed record ContactPersonRecord(Guid Id, string? Organisation, DateOnly Since, bool PersonalDataErased);

/// <summary>
/// A network actor as everyone signed in sees it: kind, coordinating office, purpose, area covered, alliance and managed
/// programme, members with their roles, and contact persons (without personal data). Updated inline.
/// </summary>
public sealed record NetworkActorDetails
{
    /// <summary>The actor's id.</summary>
    public Guid Id { get; init; }
    /// <summary>Its version: send it as <c>expectedVersion</c> with the next command on the actor.</summary>
    public long Version { get; init; }
    /// <summary>Its name.</summary>
    public string Name { get; init; } = "";
    /// <summary>What kind of actor it is.</summary>
    public ActorKind Kind { get; init; }
    /// <summary>The office that coordinates it.</summary>
    public string CoordinatingOffice { get; init; } = "";
    /// <summary>What it is for.</summary>
    public string? Purpose { get; init; }
    /// <summary>Whether it works for the whole country.</summary>
    public bool Nationwide { get; init; }
    /// <summary>The districts and whole states it covers.</summary>
    public IReadOnlyList<Area> Areas { get; init; } = [];
    /// <summary>The federal states it works in (all sixteen when nationwide).</summary>
    public IReadOnlyList<FederalState> FederalStates { get; init; } = [];
    /// <summary>The districts it names.</summary>
    public IReadOnlyList<string> Districts { get; init; } = [];
    /// <summary>The alliance it works in, if any.</summary>
    public Guid? AllianceId { get; init; }
    /// <summary>The funding programme whose budget it manages, if any.</summary>
    public Guid? ProgrammeId { get; init; }
    /// <summary>The day it was established.</summary>
    public DateOnly EstablishedOn { get; init; }
    /// <summary>Its current members and their roles.</summary>
    public IReadOnlyList<ActorMemberRecord> Members { get; init; } = [];
    /// <summary>Members that left.</summary>
    public IReadOnlyList<ActorMemberRecord> FormerMembers { get; init; } = [];
    /// <summary>Its contact persons, without personal data.</summary>
    public IReadOnlyList<ContactPersonRecord> ContactPersons { get; init; } = [];
    /// <summary>When it last changed.</summary>
    public DateTimeOffset LastChangedAt { get; init; }
}
