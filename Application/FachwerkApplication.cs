using System.Reflection;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Pilots;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Pilots;
using FluentValidation;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Weasel.Core;
using Wolverine;
using Wolverine.Http;
using Wolverine.Persistence;

namespace Fachwerk.Application;

/// <summary>
/// How the application's event store, projections, handlers and endpoints are registered.
/// The host calls these from its composition root; tests and benchmarks use the same host.
/// </summary>
public static class FachwerkApplication
{
    public const string SchemaName = "fachwerk";

    public static Assembly Assembly => typeof(FachwerkApplication).Assembly;

    public static void ConfigureStore(StoreOptions opts)
    {
        opts.DatabaseSchemaName = SchemaName;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

        // Who, why, correlation and causation of every event (see docs/architecture.md, "Metadata").
        opts.Events.MetadataConfig.EnableAll();
        opts.Events.MetadataConfig.UserNameEnabled = true;
        // Timestamps come from the application's TimeProvider, so tests with a fake clock see consistent times.
        opts.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        opts.Events.UseIdentityMapForAggregates = true;

        // Write models, folded live for each command by the domain's own Evolve functions.
        opts.Projections.Add(new WriteModelProjection<Organisation>(), ProjectionLifecycle.Live);
        opts.Projections.Add(new WriteModelProjection<Alliance>(), ProjectionLifecycle.Live);

        // Read models.
        opts.Projections.Add<OrganisationDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<AllianceDetailsProjection>(ProjectionLifecycle.Inline);

        // Pilot projects: one stream per pilot; personal data sealed with per-person keys in their own table (docs/pilots.md).
        opts.Projections.Add(new WriteModelProjection<Pilot>(), ProjectionLifecycle.Live);
        opts.Projections.Add<PilotDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ParticipantRecordProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<PilotDemandProjection>(ProjectionLifecycle.Async);
        PersonalDataVault.ConfigureStore(opts);
    }

    public static void ConfigureMessaging(WolverineOptions opts)
    {
        opts.ApplicationAssembly = Assembly;
        opts.Policies.AutoApplyTransactions();
        // Unknown ids answer 404 with a ProblemDetails body, on every [Document]/[WriteAggregate]/[ReadAggregate].
        opts.EntityDefaults.OnMissing = OnMissing.ProblemDetailsWith404;
        // Creating commands accept an Idempotency-Key header: a retry with the same key answers the first response again.
        opts.Durability.EnableDeduplicatedResponses = true;
        opts.Durability.DeduplicationWindow = TimeSpan.FromHours(24);
        EvaluatePilotPhase.ConfigureMessaging(opts);
    }

    public static void ConfigureHttp(WolverineHttpOptions opts)
    {
        opts.RejectUnparseableQueryValues = true;
        opts.AddPolicy<CommandValidationPolicy>();
        opts.AddPolicy<CommandMetadataPolicy>();
    }

    /// <summary>Registers every FluentValidation validator of the application (stateless, so singletons).</summary>
    public static IServiceCollection AddFachwerkValidators(this IServiceCollection services)
    {
        // One message per field: a rule stops at its first failure (and never runs Must() on a null it just reported).
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        foreach (var type in Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var validator in type.GetInterfaces()
                         .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            {
                services.AddSingleton(validator, type);
            }
        }

        return services;
    }
}
