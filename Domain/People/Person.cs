using System.Collections.Immutable;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.People;

/// <summary>A binding recorded for the person, and how it came about.</summary>
/// <param name="Kind">Organisation, alliance or pilot project.</param>
/// <param name="TargetId">Its id.</param>
/// <param name="Since">When the binding was recorded.</param>
/// <param name="By">Who recorded it: an administrator, or the project lead who launched the pilot.</param>
/// <param name="Reason">Why.</param>
public sealed record HeldBinding(BindingKind Kind, Guid TargetId, DateTimeOffset Since, string By, string Reason)
{
    public Binding AsBinding() => new(Kind, TargetId);
}

/// <summary>
/// Write model of a person's bindings: which organisations they act for, which alliances they review for, which pilot projects
/// they lead. The identity provider authenticates and gives roles, and its tokens may claim bindings; what Fachwerk records
/// here adds to them (an administrator's grant, the launch of a pilot) and overrules them (a revocation), with who and why.
/// </summary>
/// <param name="Id">The person's record (stream) id, derived from the user id.</param>
/// <param name="UserId">The user id the identity provider gives the person.</param>
/// <param name="Bindings">The bindings recorded for the person.</param>
/// <param name="Revoked">The bindings an administrator revoked: a token claiming them is not believed.</param>
public sealed record Person(Guid Id, string UserId, ImmutableList<HeldBinding> Bindings, ImmutableList<Binding> Revoked) : IEventSourced<Person>
{
    /// <summary>The stream id of a person: derived from the user id, so that a request finds its person without a lookup table.</summary>
    public static Guid IdOf(string userId) => DerivedStreamId.Of("person", userId);

    public bool Holds(Binding binding) => Bindings.Any(b => b.AsBinding() == binding);

    /// <summary>
    /// What a person acts for: the bindings recorded for them, and those a token claims unless an administrator revoked them.
    /// Claims add bindings; they never take a recorded one away.
    /// </summary>
    public static IReadOnlyList<Binding> ActsFor(Person? person, IEnumerable<Binding> claimed) =>
        [
            .. (person?.Bindings.Select(b => b.AsBinding()) ?? [])
                .Concat(claimed.Where(binding => person?.Revoked.Contains(binding) != true))
                .Distinct(),
        ];

    public static Person Evolve(Person? person, object @event)
    {
        var current = person ?? @event switch
        {
            IPersonEvent first => new Person(first.PersonId, first.UserId, [], []),
            _ => throw new UnexpectedFirstEventException(typeof(Person), @event),
        };
        return @event switch
        {
            BindingGranted granted => current with
            {
                Bindings = current.Bindings.Add(new HeldBinding(granted.Kind, granted.TargetId, granted.RecordedAt, granted.RecordedBy, granted.Reason)),
                Revoked = current.Revoked.Remove(new Binding(granted.Kind, granted.TargetId)),
            },
            BindingRevoked revoked => current with
            {
                Bindings = current.Bindings.RemoveAll(b => b.AsBinding() == new Binding(revoked.Kind, revoked.TargetId)),
                Revoked = current.Revoked.Add(new Binding(revoked.Kind, revoked.TargetId)),
            },
            _ => current,
        };
    }
}
