using Fachwerk.Application.Common;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Pilots;
using JasperFx.Events.Projections;
using Marten;
using Wolverine;

namespace Fachwerk.Application.Pilots;

/// <summary>
/// Pilot projects: one stream per pilot; the details and one record per participant inline (personal data sealed with
/// per-person keys, docs/pilots.md), the demand async; the scheduled evaluation of the pilot phase.
/// </summary>
public sealed class PilotsModule : FachwerkModule
{
    public override void ConfigureStore(StoreOptions opts)
    {
        KnowEventsOf<Pilot>(opts);
        opts.Projections.Add(new WriteModelProjection<Pilot>(), ProjectionLifecycle.Live);
        opts.Projections.Add<PilotDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ParticipantRecordProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<PilotDemandProjection>(ProjectionLifecycle.Async);
        PersonalDataVault.ConfigureStore(opts);
    }

    public override void ConfigureMessaging(WolverineOptions opts) => EvaluatePilotPhase.ConfigureMessaging(opts);
}
