namespace Fachwerk.Domain.Network.Actors;

/// <summary>
/// What a network actor is established with: name, kind, coordinating office, purpose, the area it covers (nationwide or
/// a set of areas), the alliance it works in and the programme whose budget it manages (both optional), and the day.
/// </summary>
public sealed record ActorCharter(
    string Name,
    ActorKind Kind,
    string CoordinatingOffice,
    string? Purpose,
    bool Nationwide,
    IReadOnlyList<Area> Areas,
    Guid? AllianceId,
    Guid? ProgrammeId,
    DateOnly EstablishedOn);
