using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using JasperFx.Events.Projections;
using Marten;

namespace Fachwerk.Application.Alliances;

/// <summary>Alliances: the write model folded per command, the details and list inline.</summary>
public sealed class AlliancesModule : FachwerkModule
{
    public override void ConfigureStore(StoreOptions opts)
    {
        KnowEventsOf<Alliance>(opts);
        opts.Projections.Add(new WriteModelProjection<Alliance>(), ProjectionLifecycle.Live);
        opts.Projections.Add<AllianceDetailsProjection>(ProjectionLifecycle.Inline);
    }
}
