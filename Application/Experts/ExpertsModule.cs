using Fachwerk.Application.Common;
using Fachwerk.Domain.Experts;
using JasperFx.Events.Projections;
using Marten;

namespace Fachwerk.Application.Experts;

/// <summary>The directory of external experts (ADR 0130): the write model folded per command, the directory's entries inline.</summary>
public sealed class ExpertsModule : FachwerkModule
{
    public override void ConfigureStore(StoreOptions opts)
    {
        KnowEventsOf<Expert>(opts);
        opts.Projections.Add(new WriteModelProjection<Expert>(), ProjectionLifecycle.Live);
        opts.Projections.Add<ExpertEntryProjection>(ProjectionLifecycle.Inline);
    }
}
