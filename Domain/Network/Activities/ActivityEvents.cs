using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;

namespace Fachwerk.Domain.Network.Activities;

/// <summary>What regions do: the kinds of activities the articles describe.</summary>
public enum ActivityKind
{
    /// <summary>An education summit (Bildungsgipfel), e.g. under the district chief's patronage.</summary>
    Summit,

    /// <summary>A returner day (Rückkehrertag) for people who come back to the region.</summary>
    ReturnerDay,

    /// <summary>An exchange of experience (Erfahrungsaustausch) with short talks and parallel workshops.</summary>
    Exchange,

    /// <summary>An action day (Aktionstag).</summary>
    ActionDay,

    /// <summary>A forum, typically one meeting of a forum series (Dialogforum).</summary>
    Forum,

    /// <summary>A campaign over weeks or months, e.g. "Du bist wichtig!".</summary>
    Campaign,

    /// <summary>A job or careers fair (Berufsorientierungsmesse, Jobmesse).</summary>
    JobFair,
    Other,
}

/// <summary>Where an activity stands: planned, announced, held, reported, or cancelled.</summary>
public enum ActivityStatus
{
    Planned,

    /// <summary>Announced to the public: registrations are open (if it takes registrations).</summary>
    Announced,
    Held,

    /// <summary>Held, and its results are reported (published, with follow-ups).</summary>
    Reported,
    Cancelled,
}

/// <summary>Where a registration stands.</summary>
public enum RegistrationStatus
{
    /// <summary>Has a place.</summary>
    Confirmed,

    /// <summary>On the waiting list: moves up when a place becomes free.</summary>
    Waitlisted,
    Cancelled,
}

/// <summary>What a point of an activity's programme is.</summary>
public enum ProgrammeItemKind
{
    /// <summary>A talk, e.g. a short impulse (Impuls).</summary>
    Talk,
    Workshop,
    Moderation,
    Panel,
}

/// <summary>
/// A point of the programme of a held activity. Points with the same <paramref name="Slot"/> ran in parallel. The speaker
/// is a person: only their id is here; their name and position are sealed in <see cref="SpeakerRecorded"/>.
/// </summary>
/// <param name="ItemId">The point's id in the activity.</param>
/// <param name="Kind">Talk, workshop, moderation or panel.</param>
/// <param name="Slot">When it ran, counted from 1; points with the same slot ran in parallel.</param>
/// <param name="Title">Its title or topic.</param>
/// <param name="SpeakerId">The speaker, moderator or workshop lead, if one was named.</param>
/// <param name="SpeakerOrganisation">The organisation the speaker came from.</param>
public sealed record ProgrammeItem(Guid ItemId, ProgrammeItemKind Kind, int Slot, string Title, Guid? SpeakerId, string? SpeakerOrganisation);

/// <summary>
/// An activity was planned: kind, title, topic, days, place, organisers and co-organisers, patron, target groups, capacity
/// (none: no registrations limit), the alliance it is part of and the series it belongs to, if any.
/// </summary>
public sealed record ActivityPlanned(
    Guid ActivityId,
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
    Guid? AllianceId,
    Guid? SeriesId,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>The activity was moved to other days or another place, or its capacity changed, before it was held.</summary>
public sealed record ActivityReplanned(
    Guid ActivityId,
    Period Dates,
    Place Place,
    int? Capacity,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>The activity was announced to the public (where: a web page, a newsletter, the press); registrations open.</summary>
public sealed record ActivityAnnounced(
    Guid ActivityId,
    DateOnly AnnouncedOn,
    string? Channel,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>The activity is funded by this funding application (its costs belong to that application's proof of use).</summary>
public sealed record ActivityFundingLinked(
    Guid ActivityId,
    Guid ApplicationId,
    string ApplicationTitle,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>
/// A person registered for the activity, with a place or on the waiting list. Name and contact are in
/// <paramref name="PersonalData"/>, sealed with the registrant's own key.
/// </summary>
public sealed record RegistrationReceived(
    Guid ActivityId,
    Guid RegistrationId,
    DateOnly RegisteredOn,
    RegistrationStatus Status,
    string? Organisation,
    SealedPersonalData PersonalData,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact, INetworkPersonFact
{
    Guid INetworkPersonFact.PersonId => RegistrationId;
}

public sealed record RegistrationCancelled(
    Guid ActivityId,
    Guid RegistrationId,
    DateOnly CancelledOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact, INetworkPersonFact
{
    Guid INetworkPersonFact.PersonId => RegistrationId;
}

/// <summary>A place became free (a cancellation, a larger capacity): the first registration on the waiting list got it.</summary>
public sealed record RegistrationMovedUp(
    Guid ActivityId,
    Guid RegistrationId,
    DateOnly MovedUpOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact, INetworkPersonFact
{
    Guid INetworkPersonFact.PersonId => RegistrationId;
}

/// <summary>A registrant's personal data were erased on request (GDPR Art. 17); their key was destroyed in the same transaction.</summary>
public sealed record RegistrantDataErased(
    Guid ActivityId,
    Guid RegistrationId,
    ErasureGround LegalBasis,
    DateOnly RequestedOn,
    string? RequestReference,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact, INetworkPersonFact
{
    Guid INetworkPersonFact.PersonId => RegistrationId;
}

/// <summary>
/// The activity was held on these days: attendance by group (including the walk-ins, who came without registering),
/// the organisations present, contacts and placements made, and its programme of talks and workshops.
/// </summary>
public sealed record ActivityHeld(
    Guid ActivityId,
    Period Held,
    IReadOnlyDictionary<AttendeeGroup, int> Attendance,
    int WalkIns,
    IReadOnlyList<string> OrganisationsPresent,
    int ContactsMade,
    int Placements,
    IReadOnlyList<ProgrammeItem> Programme,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact
{
    public int TotalAttendance => Attendance.Values.Sum();
}

/// <summary>A speaker of the held activity's programme; name and position sealed with the speaker's own key.</summary>
public sealed record SpeakerRecorded(
    Guid ActivityId,
    Guid SpeakerId,
    Guid ItemId,
    string? Organisation,
    SealedPersonalData PersonalData,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact, INetworkPersonFact
{
    Guid INetworkPersonFact.PersonId => SpeakerId;
}

/// <summary>A speaker's personal data were erased on request (GDPR Art. 17); the talk stays, without the name.</summary>
public sealed record SpeakerDataErased(
    Guid ActivityId,
    Guid SpeakerId,
    ErasureGround LegalBasis,
    DateOnly RequestedOn,
    string? RequestReference,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact, INetworkPersonFact
{
    Guid INetworkPersonFact.PersonId => SpeakerId;
}

/// <summary>The results of the held activity were reported: what came of it, where it was published, the follow-ups, its costs.</summary>
public sealed record ActivityReported(
    Guid ActivityId,
    DateOnly ReportedOn,
    string Results,
    string? PublishedAt,
    IReadOnlyList<string> FollowUps,
    decimal? Costs,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

public sealed record ActivityCancelled(
    Guid ActivityId,
    DateOnly CancelledOn,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;
