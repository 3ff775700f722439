using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;

namespace Fachwerk.Domain.Network.Cohorts;

/// <summary>
/// A run of a programme of people started (e.g. the second run of the leadership programme "Mitarbeiter für
/// Verantwortung"): the programme, the run's number, who organises it, the question it works on, and its period.
/// </summary>
public sealed record CohortOpened(
    Guid CohortId,
    string Programme,
    int Run,
    NetworkParty Organiser,
    string Question,
    Period Period,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>
/// A person joined the cohort, sent by an organisation (company, administration, ...). Name, position and contact are in
/// <paramref name="PersonalData"/>, sealed with the participant's own key.
/// </summary>
public sealed record CohortParticipantEnrolled(
    Guid CohortId,
    Guid ParticipantId,
    string Organisation,
    DateOnly EnrolledOn,
    SealedPersonalData PersonalData,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact, INetworkPersonFact
{
    Guid INetworkPersonFact.PersonId => ParticipantId;
}

/// <summary>A participant's personal data were erased on request (GDPR Art. 17); their attendance stays as counts.</summary>
public sealed record CohortParticipantDataErased(
    Guid CohortId,
    Guid ParticipantId,
    ErasureGround LegalBasis,
    DateOnly RequestedOn,
    string? RequestReference,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact, INetworkPersonFact
{
    Guid INetworkPersonFact.PersonId => ParticipantId;
}

/// <summary>A session (e.g. a full-day workshop) of the cohort was held; these participants attended.</summary>
public sealed record CohortSessionHeld(
    Guid CohortId,
    Guid SessionId,
    DateOnly HeldOn,
    string Title,
    IReadOnlyList<Guid> Attendees,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>The cohort presented its results: the run is complete.</summary>
public sealed record CohortFinalPresentationHeld(
    Guid CohortId,
    DateOnly HeldOn,
    string Place,
    int? Guests,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;
