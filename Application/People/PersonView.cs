using Fachwerk.Domain.People;
using Marten;

namespace Fachwerk.Application.People;

/// <summary>
/// What Fachwerk records about a person's bindings: those granted (each with when, by whom and why) and those revoked. A token
/// of the identity provider may claim more bindings; those count unless revoked here.
/// </summary>
/// <param name="UserId">The user id the identity provider gives the person (the token's <c>sub</c>).</param>
/// <param name="PersonId">The id of the person's record (its stream, for the audit timeline).</param>
/// <param name="Version">The record's version: send it as <c>expectedVersion</c> with the next grant or revocation (0 while nothing is
/// recorded).</param>
/// <param name="Bindings">The organisations, alliances and pilot projects recorded for the person.</param>
/// <param name="Revoked">The bindings an administrator revoked: a token claiming them is not believed.</param>
public sealed record PersonView(string UserId, Guid PersonId, long Version, IReadOnlyList<HeldBinding> Bindings, IReadOnlyList<Binding> Revoked)
{
    public static async Task<PersonView> LoadAsync(IQuerySession session, string userId, CancellationToken cancellation)
    {
        var id = Person.IdOf(userId);
        var person = await session.LoadAsync<Person>(id, cancellation);
        var state = person is null ? null : await session.Events.FetchStreamStateAsync(id, cancellation);
        return new PersonView(userId, id, state?.Version ?? 0, person?.Bindings ?? [], person?.Revoked ?? []);
    }
}
