using Marten;
using Wolverine;

namespace Fachwerk.Application;

/// <summary>
/// An area of the application (alliances, applications, pilots, ...) registers its own write models, read models and
/// messaging; <see cref="FachwerkApplication"/> finds every module in this assembly and asks each.
/// </summary>
public abstract class FachwerkModule
{
    /// <summary>The area's projections, documents and schema objects.</summary>
    public virtual void ConfigureStore(StoreOptions opts)
    {
    }

    /// <summary>
    /// The inline read models of the area's streams that its command endpoints load with the caller's bindings in one round trip
    /// (<see cref="Common.StreamReadModels"/>, ADR 0135).
    /// </summary>
    public virtual IEnumerable<Common.StreamReadModels> ReadModelsByStream => [];

    /// <summary>The area's queues and message routing.</summary>
    public virtual void ConfigureMessaging(WolverineOptions opts)
    {
    }

    /// <summary>
    /// Makes the store know every event of an aggregate (the recorded facts declared in its namespace) from the start, not only
    /// once one has been appended or read: timelines, rebuilds and the hash chain's verification of any stream need them.
    /// </summary>
    protected static void KnowEventsOf<TAggregate>(StoreOptions opts) =>
        opts.Events.AddEventTypes(typeof(TAggregate).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(TAggregate).Namespace && t is { IsClass: true, IsAbstract: false }
                        && t.IsAssignableTo(typeof(Fachwerk.Domain.Common.IRecordedFact)))
            .ToArray());

    /// <summary>One instance of every module in the Application assembly, in a stable order.</summary>
    public static IReadOnlyList<FachwerkModule> All { get; } =
    [
        .. FachwerkApplication.Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(FachwerkModule)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (FachwerkModule)Activator.CreateInstance(t)!),
    ];
}
