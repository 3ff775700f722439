using Fachwerk.Domain.Alliances;

namespace Fachwerk.Domain.Network.Instruments;

/// <summary>What an instrument is introduced with.</summary>
public sealed record InstrumentDescription(
    string Name,
    InstrumentKind Kind,
    string Description,
    IReadOnlyList<DeliveryMode> Modes,
    IReadOnlyList<TargetGroup> TargetGroups,
    IReadOnlyList<NetworkParty> Providers,
    InstrumentOrigin? Origin,
    DateOnly IntroducedOn);

/// <summary>One use of an instrument: by whom, on which day, where, how, with how many participants, at which activity.</summary>
public sealed record InstrumentUse(NetworkParty UsedBy, DateOnly UsedOn, Area Area, DeliveryMode Mode, int? Participants, Guid? ActivityId);
