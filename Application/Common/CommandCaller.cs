using Fachwerk.Domain.People;

namespace Fachwerk.Application.Common;

/// <summary>
/// The caller of a command as its transaction read them (<see cref="CommandReads"/>): whether their bindings waited for that
/// read, and their person, if one is recorded.
/// </summary>
public sealed record CommandCaller(bool ReadInTheTransaction, Person? Person)
{
    /// <summary>A caller whose bindings were read on the way in (no command endpoint, or nobody signed in).</summary>
    public static readonly CommandCaller ReadOnTheWayIn = new(false, null);
}
