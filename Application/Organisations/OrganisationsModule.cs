using Fachwerk.Application.Common;
using Fachwerk.Domain.Organisations;
using JasperFx.Events.Projections;
using Marten;

namespace Fachwerk.Application.Organisations;

/// <summary>Organisations: the write model folded per command, the registry and the de-minimis ledger inline.</summary>
public sealed class OrganisationsModule : FachwerkModule
{
    public override void ConfigureStore(StoreOptions opts)
    {
        KnowEventsOf<Organisation>(opts);
        opts.Projections.Add(new WriteModelProjection<Organisation>(), ProjectionLifecycle.Live);
        opts.Projections.Add<OrganisationDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<DeMinimisLedgerProjection>(ProjectionLifecycle.Inline);
    }
}
