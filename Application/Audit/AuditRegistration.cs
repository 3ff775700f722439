using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Fachwerk.Application.Audit;

/// <summary>How the audit features are registered with the event store and the service container.</summary>
public static class AuditRegistration
{
    /// <summary>The event chain (table, functions, trigger) and the rule re-check projection.</summary>
    public static void ConfigureStore(StoreOptions opts)
    {
        opts.Storage.Add<EventChainStorage>();
        opts.Projections.Add<ApplicationRuleCheckProjection>(ProjectionLifecycle.Async);
    }

    /// <summary>The chain verifier, the projection rebuilds, and every case-file section in the Application assembly.</summary>
    public static IServiceCollection AddFachwerkAudit(this IServiceCollection services)
    {
        services.AddSingleton<EventChainVerifier>();
        services.AddSingleton<ProjectionRebuilds>();
        services.AddSingleton<CaseFileSections>();
        foreach (var section in FachwerkApplication.Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(ICaseFileSection))))
            services.AddSingleton(typeof(ICaseFileSection), section);
        return services;
    }
}
