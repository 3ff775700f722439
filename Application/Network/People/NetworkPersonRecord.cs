using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Domain.Network.Actors;
using Fachwerk.Domain.Network.Cohorts;
using Fachwerk.Domain.Pilots;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Fachwerk.Application.Network.People;

/// <summary>What a person is to the network record they belong to.</summary>
public enum NetworkPersonRole
{
    /// <summary>A contact person of a network actor.</summary>
    ContactPerson,

    /// <summary>A person registered for an activity.</summary>
    Registrant,

    /// <summary>A speaker, moderator or workshop lead of an activity's programme.</summary>
    Speaker,

    /// <summary>A participant of a cohort of a programme of people.</summary>
    CohortParticipant,
}

/// <summary>The erasure of a person's personal data: who, when, on which ground.</summary>
/// <param name="LegalBasis">The ground for erasure.</param>
/// <param name="RequestedOn">The day the person asked.</param>
/// <param name="RequestReference">The file number of the request.</param>
/// <param name="ErasedBy">Who erased the data.</param>
/// <param name="ErasedAt">When.</param>
public sealed record PersonalDataErasure(ErasureGround LegalBasis, DateOnly RequestedOn, string? RequestReference, string ErasedBy, DateTimeOffset ErasedAt);

/// <summary>
/// One person of the network, one document per person (inline, from the stream of the record they belong to). The personal
/// data are kept sealed, as in the events; only the reads of the people open them. After the erasure the sealed data are
/// dropped too.
/// </summary>
public sealed record NetworkPersonRecord
{
    public Guid Id { get; init; }
    public Guid OwnerId { get; init; }
    public long OwnerVersion { get; init; }
    public NetworkPersonRole Role { get; init; }
    public SealedPersonalData? PersonalData { get; init; }
    public PersonalDataErasure? Erasure { get; init; }
    public string? Organisation { get; init; }
    public DateOnly? Since { get; init; }
    public RegistrationStatus? Registration { get; init; }
    public Guid? ProgrammeItemId { get; init; }
    public DateTimeOffset LastChangedAt { get; init; }
}

public sealed partial class NetworkPersonRecordProjection : MultiStreamProjection<NetworkPersonRecord, Guid>
{
    public NetworkPersonRecordProjection()
    {
        Identity<INetworkPersonFact>(e => e.PersonId);
    }

    public static NetworkPersonRecord Create(IEvent<ContactPersonNamed> e) =>
        New(e, e.Data.ActorId, NetworkPersonRole.ContactPerson, e.Data.PersonalData) with { Organisation = e.Data.Organisation, Since = e.Data.Since };

    public static NetworkPersonRecord Create(IEvent<RegistrationReceived> e) =>
        New(e, e.Data.ActivityId, NetworkPersonRole.Registrant, e.Data.PersonalData) with
        {
            Organisation = e.Data.Organisation, Since = e.Data.RegisteredOn, Registration = e.Data.Status,
        };

    public static NetworkPersonRecord Create(IEvent<SpeakerRecorded> e) =>
        New(e, e.Data.ActivityId, NetworkPersonRole.Speaker, e.Data.PersonalData) with
        {
            Organisation = e.Data.Organisation, ProgrammeItemId = e.Data.ItemId,
        };

    public static NetworkPersonRecord Create(IEvent<CohortParticipantEnrolled> e) =>
        New(e, e.Data.CohortId, NetworkPersonRole.CohortParticipant, e.Data.PersonalData) with
        {
            Organisation = e.Data.Organisation, Since = e.Data.EnrolledOn,
        };

    public static NetworkPersonRecord Apply(IEvent<RegistrationCancelled> e, NetworkPersonRecord person) =>
        Touched(e, person) with { Registration = RegistrationStatus.Cancelled };

    public static NetworkPersonRecord Apply(IEvent<RegistrationMovedUp> e, NetworkPersonRecord person) =>
        Touched(e, person) with { Registration = RegistrationStatus.Confirmed };

    public static NetworkPersonRecord Apply(IEvent<ContactPersonDataErased> e, NetworkPersonRecord person) =>
        Erased(e, person, e.Data.LegalBasis, e.Data.RequestedOn, e.Data.RequestReference, e.Data.RecordedBy, e.Data.RecordedAt);

    public static NetworkPersonRecord Apply(IEvent<RegistrantDataErased> e, NetworkPersonRecord person) =>
        Erased(e, person, e.Data.LegalBasis, e.Data.RequestedOn, e.Data.RequestReference, e.Data.RecordedBy, e.Data.RecordedAt);

    public static NetworkPersonRecord Apply(IEvent<SpeakerDataErased> e, NetworkPersonRecord person) =>
        Erased(e, person, e.Data.LegalBasis, e.Data.RequestedOn, e.Data.RequestReference, e.Data.RecordedBy, e.Data.RecordedAt);

    public static NetworkPersonRecord Apply(IEvent<CohortParticipantDataErased> e, NetworkPersonRecord person) =>
        Erased(e, person, e.Data.LegalBasis, e.Data.RequestedOn, e.Data.RequestReference, e.Data.RecordedBy, e.Data.RecordedAt);

    private static NetworkPersonRecord New(IEvent e, Guid ownerId, NetworkPersonRole role, SealedPersonalData personalData) => new()
    {
        Id = personalData.SubjectId,
        OwnerId = ownerId,
        OwnerVersion = e.Version,
        Role = role,
        PersonalData = personalData,
        LastChangedAt = e.Timestamp,
    };

    private static NetworkPersonRecord Erased(
        IEvent e, NetworkPersonRecord person, ErasureGround ground, DateOnly requestedOn, string? reference, string by, DateTimeOffset at) =>
        Touched(e, person) with { PersonalData = null, Erasure = new PersonalDataErasure(ground, requestedOn, reference, by, at) };

    private static NetworkPersonRecord Touched(IEvent e, NetworkPersonRecord person) =>
        person with { OwnerVersion = e.Version, LastChangedAt = e.Timestamp };
}
