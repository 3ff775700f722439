using Fachwerk.Application.Common;
using Fachwerk.Domain.Programmes;
using JasperFx.Events.Projections;
using Marten;

namespace Fachwerk.Application.Programmes;

/// <summary>Funding programmes: the write model as an inline snapshot, commitments beside it, the details inline, the budget dashboard and its regions async.</summary>
public sealed class ProgrammesModule : FachwerkModule
{
    public override IEnumerable<StreamReadModels> ReadModelsByStream =>
        [StreamReadModels.Of<FundingProgramme>().And<ProgrammeDetails>(d => d.Version)];

    public override void ConfigureStore(StoreOptions opts)
    {
        // A programme's stream grows with every commitment: its write model is kept as an inline snapshot of its sums, and
        // what each application holds is a document of its own, so neither grows with the applications funded (ADR 0021).
        KnowEventsOf<FundingProgramme>(opts);
        opts.Projections.Add(new WriteModelProjection<FundingProgramme>(), ProjectionLifecycle.Inline);
        CommitmentProjection.ConfigureStore(opts);
        opts.Projections.Add<ProgrammeDetailsProjection>(ProjectionLifecycle.Inline);
        // Dashboards may lag a moment behind; the async daemon keeps them.
        opts.Projections.Add<ProgrammeBudgetProjection>(ProjectionLifecycle.Async);
        // The budget per alliance and district, in documents of its own so the programme's budget stays small (ADR 0120).
        opts.Projections.Add<RegionBudgetProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<RegionBudget>().Index(r => r.ProgrammeId).Index(r => r.AllianceId);
    }
}
