using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;

namespace Fachwerk.Application.Network.Activities;

/// <summary>A change of an activity's plan before it was held.</summary>
/// <param name="Dates">The days it was moved to.</param>
/// <param name="Place">The place it was moved to.</param>
/// <param name="Capacity">Its capacity from then on.</param>
/// <param name="Reason">Why it was replanned.</param>
public sealed record ActivityReplanRecord(Period Dates, Place Place, int? Capacity, string Reason);

/// <summary>A registration, without personal data (those are read by the roles allowed).</summary>
/// <param name="Id">The registration's id.</param>
/// <param name="RegisteredOn">The day of the registration.</param>
/// <param name="Status">Confirmed, waitlisted or cancelled.</param>
/// <param name="PersonalDataErased">Whether the registrant's personal data were erased.</param>
public sealed record RegistrationEntry(Guid Id, DateOnly RegisteredOn, RegistrationStatus Status, bool PersonalDataErased);

/// <summary>The registrations of an activity, counted.</summary>
/// <param name="Confirmed">Registrations with a place.</param>
/// <param name="Waitlisted">Registrations on the waiting list.</param>
/// <param name="Cancelled">Cancelled registrations.</param>
/// <param name="PersonalDataErased">Registrants whose personal data were erased.</param>
public sealed record RegistrationCounts(int Confirmed, int Waitlisted, int Cancelled, int PersonalDataErased);

/// <summary>A point of a held activity's programme; the speaker's name is read by the roles allowed.</summary>
/// <param name="ItemId">The point's id.</param>
/// <param name="Kind">Talk, workshop, moderation or panel.</param>
/// <param name="Slot">When it ran; points with the same slot ran in parallel.</param>
/// <param name="Title">Its title or topic.</param>
/// <param name="SpeakerId">The speaker, if one was named.</param>
/// <param name="SpeakerOrganisation">The organisation the speaker came from.</param>
/// <param name="SpeakerErased">Whether the speaker's personal data were erased.</param>
public sealed record ProgrammeItemRecord(
    Guid ItemId, ProgrammeItemKind Kind, int Slot, string Title, Guid? SpeakerId, string? SpeakerOrganisation, bool SpeakerErased);

/// <summary>What happened at a held activity.</summary>
/// <param name="Held">The days it was held.</param>
/// <param name="Attendance">How many came, by group.</param>
/// <param name="TotalAttendance">How many came in all.</param>
/// <param name="WalkIns">How many of them came without registering.</param>
/// <param name="OrganisationsPresent">The organisations present.</param>
/// <param name="ContactsMade">Contacts made.</param>
/// <param name="Placements">Placements that came of it.</param>
/// <param name="Programme">Its talks, workshops, moderation and panels, by slot.</param>
public sealed record ActivityOutcomeRecord(
    Period Held,
    IReadOnlyDictionary<AttendeeGroup, int> Attendance,
    int TotalAttendance,
    int WalkIns,
    IReadOnlyList<string> OrganisationsPresent,
    int ContactsMade,
    int Placements,
    IReadOnlyList<ProgrammeItemRecord> Programme);

/// <summary>The report on a held activity.</summary>
/// <param name="ReportedOn">The day it was reported.</param>
/// <param name="Results">What came of it.</param>
/// <param name="PublishedAt">Where the results were published.</param>
/// <param name="FollowUps">What follows from it.</param>
/// <param name="Costs">What it cost, in EUR.</param>
public sealed record ActivityReportRecord(DateOnly ReportedOn, string Results, string? PublishedAt, IReadOnlyList<string> FollowUps, decimal? Costs);

/// <summary>The funding application that pays for an activity.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="Title">Its project title.</param>
public sealed record ActivityFundingRecord(Guid ApplicationId, string Title);

/// <summary>Why and when an activity was cancelled.</summary>
/// <param name="CancelledOn">The day it was cancelled.</param>
/// <param name="Reason">Why.</param>
public sealed record ActivityCancellationRecord(DateOnly CancelledOn, string Reason);

/// <summary>
/// An activity as everyone signed in sees it: the plan, its changes, the announcement, the funding, the registrations
/// (counted, no personal data), what happened when it was held, the report or the cancellation. Updated inline.
/// </summary>
public sealed record ActivityDetails
{
    /// <summary>The activity's id.</summary>
    public Guid Id { get; init; }
    /// <summary>Its version: send it as <c>expectedVersion</c> with the next command on the activity.</summary>
    public long Version { get; init; }
    /// <summary>What kind of activity it is.</summary>
    public ActivityKind Kind { get; init; }
    /// <summary>Its title.</summary>
    public string Title { get; init; } = "";
    /// <summary>What it is about.</summary>
    public string Topic { get; init; } = "";
    /// <summary>The days it is planned for.</summary>
    public Period Dates { get; init; }
    /// <summary>Where it takes place.</summary>
    public Place Place { get; init; } = new("", "", default);
    /// <summary>Who organises it.</summary>
    public IReadOnlyList<NetworkParty> Organisers { get; init; } = [];
    /// <summary>Who organises it together with them.</summary>
    public IReadOnlyList<NetworkParty> CoOrganisers { get; init; } = [];
    /// <summary>The ids of organisers and co-organisers (for the list's filter).</summary>
    public IReadOnlyList<Guid> PartyIds { get; init; } = [];
    /// <summary>Under whose patronage (an office).</summary>
    public string? Patron { get; init; }
    /// <summary>The groups it is for.</summary>
    public IReadOnlyList<TargetGroup> TargetGroups { get; init; } = [];
    /// <summary>How many registrations have a place; none: no limit.</summary>
    public int? Capacity { get; init; }
    /// <summary>The alliance whose work it is, if any.</summary>
    public Guid? AllianceId { get; init; }
    /// <summary>The series it belongs to, if any.</summary>
    public Guid? SeriesId { get; init; }
    /// <summary>Where it stands.</summary>
    public ActivityStatus Status { get; init; }
    /// <summary>How its plan changed before it was held.</summary>
    public IReadOnlyList<ActivityReplanRecord> Replans { get; init; } = [];
    /// <summary>The day it was announced.</summary>
    public DateOnly? AnnouncedOn { get; init; }
    /// <summary>Where it was announced.</summary>
    public string? AnnouncementChannel { get; init; }
    /// <summary>The funding application that pays for it; none when it runs without funding.</summary>
    public ActivityFundingRecord? Funding { get; init; }
    /// <summary>Its registrations, counted.</summary>
    public RegistrationCounts RegistrationCounts { get; init; } = new(0, 0, 0, 0);
    /// <summary>Its registrations, without personal data, in the order they came.</summary>
    public IReadOnlyList<RegistrationEntry> Registrations { get; init; } = [];
    /// <summary>What happened when it was held.</summary>
    public ActivityOutcomeRecord? Outcome { get; init; }
    /// <summary>The report on its results.</summary>
    public ActivityReportRecord? Report { get; init; }
    /// <summary>Its cancellation.</summary>
    public ActivityCancellationRecord? Cancellation { get; init; }
    /// <summary>When it last changed.</summary>
    public DateTimeOffset LastChangedAt { get; init; }

    /// <summary>The day that dates it on a time line: the first day it was held, or else the first planned day.</summary>
    public DateOnly Day => Outcome?.Held.From ?? Dates.From;
}
