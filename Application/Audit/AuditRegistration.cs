using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Fachwerk.Application.Audit;

/// <summary>How the audit features are registered with the event store and the service container.</summary>
public static class AuditRegistration
{
    /// <summary>The event chain (table, functions, trigger).</summary>
    public static void ConfigureStore(StoreOptions opts)
    {
        opts.Storage.Add<EventChainStorage>();
    }

    /// <summary>The chain verifier.</summary>
    public static IServiceCollection AddFachwerkAudit(this IServiceCollection services)
    {
        services.AddSingleton<EventChainVerifier>();
        return services;
    }
}
