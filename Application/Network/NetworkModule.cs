using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Activities;
using Fachwerk.Application.Network.Actors;
using Fachwerk.Application.Network.Cohorts;
using Fachwerk.Application.Network.Concepts;
using Fachwerk.Application.Network.Cooperation;
using Fachwerk.Application.Network.Ideas;
using Fachwerk.Application.Network.Instruments;
using Fachwerk.Application.Network.People;
using Fachwerk.Application.Network.Recommendations;
using Fachwerk.Application.Network.Series;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Domain.Network.Actors;
using Fachwerk.Domain.Network.Cohorts;
using Fachwerk.Domain.Network.Concepts;
using Fachwerk.Domain.Network.Cooperation;
using Fachwerk.Domain.Network.Ideas;
using Fachwerk.Domain.Network.Instruments;
using Fachwerk.Domain.Network.Recommendations;
using Fachwerk.Domain.Network.Series;
using JasperFx.Events.Projections;
using Marten;

namespace Fachwerk.Application.Network;

/// <summary>
/// The regional network (docs/network.md): one stream per network actor, cooperation agreement, series, activity, instrument,
/// cohort, concept, project idea and recommendation (ADR 0065); write models folded per command, details inline, and one sealed
/// record per person of the network inline (ADR 0066). The dashboards sum the inline read models when they are read (ADR 0068).
/// </summary>
public sealed class NetworkModule : FachwerkModule
{
    public override void ConfigureStore(StoreOptions opts)
    {
        WriteModel<NetworkActor>(opts);
        WriteModel<CooperationAgreement>(opts);
        WriteModel<ActivitySeries>(opts);
        WriteModel<Activity>(opts);
        WriteModel<Instrument>(opts);
        WriteModel<Cohort>(opts);
        WriteModel<Concept>(opts);
        WriteModel<ProjectIdea>(opts);
        WriteModel<Recommendation>(opts);

        opts.Projections.Add<NetworkActorDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<CooperationAgreementDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ActivitySeriesDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ActivityDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<InstrumentDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<CohortDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ConceptDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ProjectIdeaDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<RecommendationDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<NetworkPersonRecordProjection>(ProjectionLifecycle.Inline);
    }

    private static void WriteModel<TAggregate>(StoreOptions opts) where TAggregate : class, Domain.Common.IEventSourced<TAggregate>
    {
        KnowEventsOf<TAggregate>(opts);
        opts.Projections.Add(new WriteModelProjection<TAggregate>(), ProjectionLifecycle.Live);
    }
}
