using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Activities;

/// <summary>
/// What an activity is planned with: kind, title, topic, days, place, organisers and co-organisers, patron (an office such
/// as "Landrat des Landkreises", not a person's name), target groups, capacity, and the alliance it is part of.
/// </summary>
public sealed record ActivityPlan(
    ActivityKind Kind,
    string Title,
    string Topic,
    Period Dates,
    Place Place,
    IReadOnlyList<NetworkParty> Organisers,
    IReadOnlyList<NetworkParty> CoOrganisers,
    string? Patron,
    IReadOnlyList<TargetGroup> TargetGroups,
    int? Capacity,
    Guid? AllianceId);

/// <summary>The series an activity is planned in, as the rules need it.</summary>
public sealed record SeriesMembership(Guid SeriesId, string Name, ActivityKind Kind, Guid? AllianceId);

/// <summary>A registration: the day, the organisation the registrant names, and their sealed personal data.</summary>
public sealed record Registration(DateOnly RegisteredOn, string? Organisation, SealedPersonalData PersonalData);

/// <summary>
/// A point of the held activity's programme as the endpoint hands it over: ids made, the speaker's data already sealed
/// with the speaker's own key (its subject id is the speaker's id).
/// </summary>
public sealed record ProgrammeContribution(
    Guid ItemId, ProgrammeItemKind Kind, int Slot, string Title, string? SpeakerOrganisation, SealedPersonalData? Speaker);

/// <summary>What happened at the held activity.</summary>
public sealed record ActivityOutcome(
    Period Held,
    IReadOnlyDictionary<AttendeeGroup, int> Attendance,
    int WalkIns,
    IReadOnlyList<string> OrganisationsPresent,
    int ContactsMade,
    int Placements,
    IReadOnlyList<ProgrammeContribution> Programme);

/// <summary>The report on a held activity.</summary>
public sealed record ActivityReport(DateOnly ReportedOn, string Results, string? PublishedAt, IReadOnlyList<string> FollowUps, decimal? Costs);
