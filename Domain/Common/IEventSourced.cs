namespace Fachwerk.Domain.Common;

/// <summary>
/// State folded from a stream's events by one pure function. The event store calls <see cref="Evolve"/> for every
/// event in order (the first one with a null state), so the state types stay free of any store library.
/// </summary>
public interface IEventSourced<TSelf> where TSelf : class, IEventSourced<TSelf>
{
    Guid Id { get; }

    static abstract TSelf Evolve(TSelf? state, object @event);
}

/// <summary>The first event of a stream was not the one that starts it.</summary>
public sealed class UnexpectedFirstEventException(Type stateType, object @event)
    : InvalidOperationException($"A {stateType.Name} stream cannot start with {@event.GetType().Name}.");
