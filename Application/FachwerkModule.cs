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

    /// <summary>The area's queues and message routing.</summary>
    public virtual void ConfigureMessaging(WolverineOptions opts)
    {
    }

    /// <summary>One instance of every module in the Application assembly, in a stable order.</summary>
    public static IReadOnlyList<FachwerkModule> All { get; } =
    [
        .. FachwerkApplication.Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(FachwerkModule)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (FachwerkModule)Activator.CreateInstance(t)!),
    ];
}
