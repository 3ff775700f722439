using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Instruments;

namespace Fachwerk.Application.Network.Instruments;

/// <summary>One use of an instrument.</summary>
/// <param name="UseId">The use's id.</param>
/// <param name="UsedBy">Who used it.</param>
/// <param name="UsedOn">The day.</param>
/// <param name="Area">The district and state it was used in.</param>
/// <param name="Mode">How it was run.</param>
/// <param name="Participants">How many took part, if counted.</param>
/// <param name="ActivityId">The activity it was used at, if any.</param>
public sealed record InstrumentUseRecord(Guid UseId, NetworkParty UsedBy, DateOnly UsedOn, Area Area, DeliveryMode Mode, int? Participants, Guid? ActivityId);

/// <summary>A school's career-choice seal.</summary>
/// <param name="School">The school.</param>
/// <param name="Area">The district and state it lies in.</param>
/// <param name="AwardedOn">The day it was first awarded (or awarded again after it had run out).</param>
/// <param name="Renewals">The days it was renewed (defended).</param>
/// <param name="ValidUntil">The last day it is valid.</param>
public sealed record SealRecord(NetworkParty School, Area Area, DateOnly AwardedOn, IReadOnlyList<DateOnly> Renewals, DateOnly ValidUntil);

/// <summary>Where an instrument was used, and how often.</summary>
/// <param name="Area">The district and state.</param>
/// <param name="Uses">How often it was used there.</param>
/// <param name="Participants">How many took part there, as far as counted.</param>
public sealed record InstrumentAreaCount(Area Area, int Uses, int Participants);

/// <summary>Who used an instrument, and how often.</summary>
/// <param name="Party">The company, school or other party.</param>
/// <param name="Uses">How often it used it.</param>
public sealed record InstrumentUserCount(NetworkParty Party, int Uses);

/// <summary>
/// An instrument (reusable format) as everyone signed in sees it: kind, description, who offers it, how it can be run, where and
/// how often it was used and by whom, and for the career-choice seal the schools holding it. Updated inline.
/// </summary>
public sealed record InstrumentDetails
{
    /// <summary>The instrument's id.</summary>
    public Guid Id { get; init; }
    /// <summary>Its version: send it as <c>expectedVersion</c> with the next command on the instrument.</summary>
    public long Version { get; init; }
    /// <summary>Its name.</summary>
    public string Name { get; init; } = "";
    /// <summary>What kind of format it is.</summary>
    public InstrumentKind Kind { get; init; }
    /// <summary>What it is and how it works.</summary>
    public string Description { get; init; } = "";
    /// <summary>How it can be run.</summary>
    public IReadOnlyList<DeliveryMode> Modes { get; init; } = [];
    /// <summary>The groups it is for.</summary>
    public IReadOnlyList<TargetGroup> TargetGroups { get; init; } = [];
    /// <summary>Who offers it.</summary>
    public IReadOnlyList<NetworkParty> Providers { get; init; } = [];
    /// <summary>The ids of its providers (for the list's filter).</summary>
    public IReadOnlyList<Guid> ProviderIds { get; init; } = [];
    /// <summary>The concept it came from, if any.</summary>
    public InstrumentOrigin? Origin { get; init; }
    /// <summary>The day it was introduced.</summary>
    public DateOnly IntroducedOn { get; init; }
    /// <summary>Its uses, in the order they were recorded.</summary>
    public IReadOnlyList<InstrumentUseRecord> Uses { get; init; } = [];
    /// <summary>Where it was used, and how often.</summary>
    public IReadOnlyList<InstrumentAreaCount> UsesByArea { get; init; } = [];
    /// <summary>Who used it, and how often.</summary>
    public IReadOnlyList<InstrumentUserCount> UsesByUser { get; init; } = [];
    /// <summary>For the career-choice seal: the schools that hold or held it.</summary>
    public IReadOnlyList<SealRecord> Seals { get; init; } = [];
    /// <summary>The federal states it was used or awarded in (for the list's filter).</summary>
    public IReadOnlyList<FederalState> FederalStates { get; init; } = [];
    /// <summary>When it last changed.</summary>
    public DateTimeOffset LastChangedAt { get; init; }
}
