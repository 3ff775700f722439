using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Pilots;
using Fachwerk.Application.Programmes;
using Fachwerk.Benchmarks.Postgres;
using Fachwerk.Benchmarks.Reporting;
using Fachwerk.Benchmarks.Workload;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.Benchmarks;

public sealed partial class Harness
{
    /// <summary>
    /// (3a-3c) The projections rebuilt by the daemon over the imported history, beside a sequential read of every event; the
    /// projections without a figure are rebuilt too, as after any import.
    /// </summary>
    private async Task RebuildAsync(HistoryStore store, PostgresFloors floors, long events, CancellationToken cancellation)
    {
        Log("floor: sequential read of every event");
        var readFloor = await floors.SequentialReadRowsPerSecondAsync(store.EventTable, cancellation);
        Log("rebuilding the application summaries (and from them the inbox tasks)");
        var summaries = await store.RebuildAsync<ApplicationSummary>(cancellation);
        var inbox = await store.RebuildInboxAsync(cancellation);
        AddFigure(new Figure("3a", "rebuild of the application summaries and inbox tasks (inbox, list, alliance pipeline)", events / (summaries + inbox).TotalSeconds,
            "events/s", readFloor, "sequential read of every event row (type and payload) in order", Target.AtLeast(20_000))
        {
            FloorUnit = "rows/s",
            Notes = $"{events} events, {await store.CountAsync<ApplicationSummary>(cancellation)} summaries and {await store.CountAsync<InboxTask>(cancellation)} inbox tasks; " +
                    $"daemon rebuild {Format.Number(summaries.TotalSeconds)} s, inbox tasks from the summaries {Format.Number(inbox.TotalSeconds)} s",
        });
        Log("rebuilding the programme budgets");
        var budgets = await store.RebuildAsync<ProgrammeBudget>(cancellation);
        AddFigure(new Figure("3b", "rebuild of the programme budget dashboard (async, multi-stream)", events / budgets.TotalSeconds, "events/s", readFloor,
            "sequential read of every event row (type and payload) in order", Target.AtLeast(20_000))
        {
            FloorUnit = "rows/s",
            Notes = $"{events} events in the store, {Format.Number(budgets.TotalSeconds)} s",
        });
        // Every projection the reads use is rebuilt before the history is served, as after any import (the bulk import runs no inline
        // projection, so the application page would have no details), and so that the dashboard host's daemon does not spend the
        // dashboard phase catching up on a million events.
        Log("rebuilding the audit's rule re-checks");
        var ruleChecks = await store.RebuildAsync<ApplicationRuleCheck>(cancellation);
        AddFigure(new Figure("3c", "rebuild of the audit's rule re-checks (async, one per application)", events / ruleChecks.TotalSeconds, "events/s", readFloor,
            "sequential read of every event row (type and payload) in order", null)
        {
            FloorUnit = "rows/s",
            Notes = $"{events} events in the store, {Format.Number(ruleChecks.TotalSeconds)} s; not a dashboard, so it has no target",
        });
        foreach (var rebuild in new Func<CancellationToken, Task<TimeSpan>>[]
                 {
                     store.RebuildAsync<AllianceDetails>, store.RebuildAsync<OrganisationDetails>, store.RebuildAsync<ProgrammeDetails>,
                     store.RebuildAsync<FundingProgramme>, store.RebuildAsync<Commitment>, store.RebuildAsync<PilotDemand>,
                     store.RebuildAsync<ApplicationDetails>,
                 })
        {
            await rebuild(cancellation);
        }
    }
}
