using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Cohorts;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Fachwerk.Application.Network.Cohorts;

/// <summary>A participant of a cohort, without personal data (those are read by the roles allowed).</summary>
/// <param name="Id">The participant's id.</param>
/// <param name="Organisation">The organisation that sent them.</param>
/// <param name="EnrolledOn">The day they joined.</param>
/// <param name="SessionsAttended">How many sessions they attended.</param>
/// <param name="PersonalDataErased">Whether their personal data were erased.</param>
public sealed record CohortParticipantRecord(Guid Id, string Organisation, DateOnly EnrolledOn, int SessionsAttended, bool PersonalDataErased);

/// <summary>A session of a cohort.</summary>
/// <param name="SessionId">The session's id.</param>
/// <param name="HeldOn">The day it was held.</param>
/// <param name="Title">Its title or topic.</param>
/// <param name="Attendees">The participants who attended.</param>
public sealed record CohortSessionRecord(Guid SessionId, DateOnly HeldOn, string Title, IReadOnlyList<Guid> Attendees);

/// <summary>The final presentation of a cohort's results.</summary>
/// <param name="HeldOn">The day.</param>
/// <param name="Place">Where.</param>
/// <param name="Guests">How many guests came.</param>
public sealed record FinalPresentationRecord(DateOnly HeldOn, string Place, int? Guests);

/// <summary>
/// A run (cohort) of a programme of people as everyone signed in sees it: organiser, question, period, participants (their
/// organisations, no personal data), sessions with attendance, and the final presentation. Updated inline.
/// </summary>
public sealed record CohortDetails
{
    /// <summary>The cohort's id.</summary>
    public Guid Id { get; init; }
    /// <summary>Its version: send it as <c>expectedVersion</c> with the next command on the cohort.</summary>
    public long Version { get; init; }
    /// <summary>The programme's name.</summary>
    public string Programme { get; init; } = "";
    /// <summary>The run's number.</summary>
    public int Run { get; init; }
    /// <summary>Who runs it.</summary>
    public NetworkParty Organiser { get; init; } = new(Guid.Empty, "", PartyKind.Organisation);
    /// <summary>The question the cohort works on.</summary>
    public string Question { get; init; } = "";
    /// <summary>Its period.</summary>
    public Period Period { get; init; }
    /// <summary>Its participants, without personal data.</summary>
    public IReadOnlyList<CohortParticipantRecord> Participants { get; init; } = [];
    /// <summary>Its sessions with their attendance.</summary>
    public IReadOnlyList<CohortSessionRecord> Sessions { get; init; } = [];
    /// <summary>The final presentation, once held: the run is then complete.</summary>
    public FinalPresentationRecord? FinalPresentation { get; init; }
    /// <summary>When it last changed.</summary>
    public DateTimeOffset LastChangedAt { get; init; }
}

public sealed partial class CohortDetailsProjection : SingleStreamProjection<CohortDetails, Guid>
{
    public static CohortDetails Create(IEvent<CohortOpened> e) => new()
    {
        Id = e.Data.CohortId,
        Version = e.Version,
        Programme = e.Data.Programme,
        Run = e.Data.Run,
        Organiser = e.Data.Organiser,
        Question = e.Data.Question,
        Period = e.Data.Period,
        LastChangedAt = e.Timestamp,
    };

    public static CohortDetails Apply(IEvent<CohortParticipantEnrolled> e, CohortDetails cohort) =>
        Touched(e, cohort) with
        {
            Participants = [.. cohort.Participants, new CohortParticipantRecord(e.Data.ParticipantId, e.Data.Organisation, e.Data.EnrolledOn, 0, false)],
        };

    public static CohortDetails Apply(IEvent<CohortParticipantDataErased> e, CohortDetails cohort) =>
        Touched(e, cohort) with
        {
            Participants = [.. cohort.Participants.Select(p => p.Id == e.Data.ParticipantId ? p with { PersonalDataErased = true } : p)],
        };

    public static CohortDetails Apply(IEvent<CohortSessionHeld> e, CohortDetails cohort) =>
        Touched(e, cohort) with
        {
            Sessions = [.. cohort.Sessions, new CohortSessionRecord(e.Data.SessionId, e.Data.HeldOn, e.Data.Title, e.Data.Attendees)],
            Participants = [.. cohort.Participants.Select(p => e.Data.Attendees.Contains(p.Id) ? p with { SessionsAttended = p.SessionsAttended + 1 } : p)],
        };

    public static CohortDetails Apply(IEvent<CohortFinalPresentationHeld> e, CohortDetails cohort) =>
        Touched(e, cohort) with { FinalPresentation = new FinalPresentationRecord(e.Data.HeldOn, e.Data.Place, e.Data.Guests) };

    private static CohortDetails Touched(IEvent e, CohortDetails cohort) => cohort with { Version = e.Version, LastChangedAt = e.Timestamp };
}
