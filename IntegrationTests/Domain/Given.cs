using Fachwerk.Domain.Common;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>Folds a history of events into a write model, the way the event store does for each command.</summary>
public static class Given
{
    public static readonly Stamp Stamp = new("sabine.sachbearbeitung", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public static T History<T>(params object[] events) where T : class, IEventSourced<T> =>
        events.Aggregate<object, T?>(null, (state, e) => T.Evolve(state, e))
        ?? throw new ArgumentException("A history needs at least one event.", nameof(events));

    public static RuleViolation Refusal(Action decide) => Should.Throw<RuleViolation>(decide);
}
