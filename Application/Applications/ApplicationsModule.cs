using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Sampling;
using JasperFx.Events.Projections;
using Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// Funding applications: the write model and the in-depth samples folded per command, the details and the summary (with the
/// inbox tasks it keeps) inline.
/// </summary>
public sealed class ApplicationsModule : FachwerkModule
{
    public override IEnumerable<StreamReadModels> ReadModelsByStream =>
        [StreamReadModels.Of<FundingApplication>().And<ApplicationDetails>(d => d.Version).And<ApplicationSummary>(s => s.Version)];

    public override void ConfigureStore(StoreOptions opts)
    {
        KnowEventsOf<FundingApplication>(opts);
        KnowEventsOf<InDepthSample>(opts);
        opts.Projections.Add(new WriteModelProjection<FundingApplication>(), ProjectionLifecycle.Live);
        opts.Projections.Add(new WriteModelProjection<InDepthSample>(), ProjectionLifecycle.Live);
        opts.Projections.Add<ApplicationDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ApplicationSummaryProjection>(ProjectionLifecycle.Inline);

        // The columns and indexes of the summary and inbox tables are declared on the documents themselves
        // (ApplicationSummary.ConfigureMarten, InboxTask.ConfigureMarten): only there can a column go without an index.
        // The inbox tasks are written by the summary projection as a side effect in the same transaction, not by a
        // projection of their own: registered here so their table is part of the schema applied on startup or by db-apply.
        opts.RegisterDocumentType<InboxTask>();
        opts.Events.EnableSideEffectsOnInlineProjections = true;
    }
}
