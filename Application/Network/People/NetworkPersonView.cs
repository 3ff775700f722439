using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network.Activities;
using Marten;

namespace Fachwerk.Application.Network.People;

/// <summary>A person of the network as authorized roles see them: the record with the personal data opened, or marked as erased.</summary>
/// <param name="Id">The person's id (the contact person's, registration's, speaker's or participant's).</param>
/// <param name="Role">What they are to the record: contact person, registrant, speaker or participant.</param>
/// <param name="OwnerId">The record they belong to: the actor, activity or cohort.</param>
/// <param name="Organisation">The organisation they come from.</param>
/// <param name="Since">Since when: a contact person since, a registration on, a participant enrolled on.</param>
/// <param name="Registration">For a registrant: where the registration stands.</param>
/// <param name="ProgrammeItemId">The point of the programme a speaker spoke at.</param>
/// <param name="PersonalDataStatus">Whether the personal data are present or erased.</param>
/// <param name="DisplayName">The person's name, or a marker once erased.</param>
/// <param name="PersonalData">The personal data, unless erased.</param>
/// <param name="Erasure">The erasure, if the data were erased.</param>
/// <param name="OwnerVersion">The version of the record they belong to after their last change.</param>
public sealed record NetworkPersonView(
    Guid Id,
    NetworkPersonRole Role,
    Guid OwnerId,
    string? Organisation,
    DateOnly? Since,
    PersonRegistration? Registration,
    Guid? ProgrammeItemId,
    PersonalDataStatus PersonalDataStatus,
    string DisplayName,
    PersonalDetails? PersonalData,
    PersonalDataErasure? Erasure,
    long OwnerVersion)
{
    public static NetworkPersonView Of(NetworkPersonRecord record, IReadOnlyDictionary<Guid, PersonalDetails> opened)
    {
        var data = record.PersonalData is not null && opened.TryGetValue(record.Id, out var details) ? details : null;
        return new NetworkPersonView(record.Id, record.Role, record.OwnerId, record.Organisation, record.Since,
            record.Registration is { } status ? new PersonRegistration(status) : null, record.ProgrammeItemId,
            data is null ? PersonalDataStatus.Erased : PersonalDataStatus.Present,
            data is null ? ParticipantView.ErasedName : $"{data.GivenName} {data.FamilyName}", data, record.Erasure, record.OwnerVersion);
    }
}

/// <summary>Where a registrant's registration stands.</summary>
/// <param name="Status">Confirmed (with a place), waitlisted or cancelled.</param>
public sealed record PersonRegistration(RegistrationStatus Status);

/// <summary>The only reads that open the network's personal data; they answer, never store.</summary>
public static class NetworkPeople
{
    /// <summary>The people of one role of a record, in the order they were recorded, with their data opened.</summary>
    public static async Task<IReadOnlyList<NetworkPersonView>> ListAsync(
        PersonalDataVault vault, IQuerySession session, Guid ownerId, NetworkPersonRole role, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        var records = await session.Query<NetworkPersonRecord>().Where(p => p.OwnerId == ownerId && p.Role == role)
            .OrderBy(p => p.Id).ToListAsync(cancellation);
        return await OpenAsync(vault, session, records, cancellation);
    }

    /// <summary>Opens the sealed data of <paramref name="records"/> (a missing key means: erased).</summary>
    public static async Task<IReadOnlyList<NetworkPersonView>> OpenAsync(
        PersonalDataVault vault, IQuerySession session, IReadOnlyList<NetworkPersonRecord> records, CancellationToken cancellation)
    {
        var opened = await vault.OpenAsync<PersonalDetails>(session, records.Select(r => r.PersonalData).OfType<SealedPersonalData>(),
            cancellation);
        return [.. records.Select(r => NetworkPersonView.Of(r, opened))];
    }

    /// <summary>Seals a new person's data with a new key stored with the command's session (it commits with the event, or not at all).</summary>
    public static SealedPersonalData Seal(PersonalDataVault vault, IDocumentSession session, Guid personId, PersonalDetails details) =>
        vault.SealForNewSubject(session, personId, details);

    /// <summary>The page of people the query asks for.</summary>
    public static async Task<Page<NetworkPersonView>> PageAsync(
        PersonalDataVault vault, IQuerySession session, IQueryable<NetworkPersonRecord> records, int page, int pageSize, CancellationToken cancellation)
    {
        var found = await records.PageAsync(r => r.OrderBy(x => x.Id), page, pageSize, cancellation);
        return new Page<NetworkPersonView>(await OpenAsync(vault, session, found.Items, cancellation), found.PageNumber, found.PageSize, found.TotalItems,
            found.PageCount);
    }
}
