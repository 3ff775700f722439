using Fachwerk.Application;
using Fachwerk.Application.Common;
using Fachwerk.Benchmarks.Measuring;
using Fachwerk.Benchmarks.Postgres;
using Fachwerk.Benchmarks.Reporting;
using Fachwerk.Benchmarks.Workload;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.Benchmarks;

public sealed partial class Harness
{
    /// <summary>
    /// (1b, 1c) Commands at a fixed rate, open loop, beside the floor's commit latency at the same rate; and (4) the budget
    /// projection's lag under that load, read by a probe that runs alongside it, beside the floor's propagation lag.
    /// </summary>
    private async Task FixedRateAsync(CommandWorld world, PostgresFloors floors, string connectionString, CancellationToken cancellation)
    {
        Log($"floors: insert commit latency and propagation lag at {settings.FixedRate}/s");
        var latencyFloor = await floors.InsertLatencyAtRateAsync(settings.FixedRate, settings.FloorDuration, cancellation);
        var lagFloor = await floors.PropagationLagAsync(settings.FixedRate, settings.FloorDuration, TimeSpan.FromMilliseconds(10), cancellation);

        Log($"commands at a fixed {settings.FixedRate}/s for {settings.FixedRateDuration.TotalSeconds} s, with the budget projection's lag");
        var backlogAtStart = await ProjectionLagProbe.BacklogAsync(connectionString, FachwerkApplication.SchemaName, cancellation);
        await using var probe = new ProjectionLagProbe(connectionString, FachwerkApplication.SchemaName, "ProgrammeBudget:All");
        var fromSequence = await probe.StartAsync(cancellation);
        var idle = new System.Collections.Concurrent.ConcurrentQueue<CommandCase>();
        var fixedRate = await OpenLoop.RunAsync(settings.FixedRate, settings.FixedRateDuration, async _ =>
        {
            if (!idle.TryDequeue(out var next)) next = NewCase(world);
            var ok = await next.NextAsync(cancellation);
            if (ok && !next.Finished) idle.Enqueue(next);
            return ok;
        }, cancellation);
        // Latency second by second, to set beside the hosts' and PostgreSQL's logs when the phase falls behind its schedule.
        await File.WriteAllLinesAsync(LogPath("fixed-rate-timeline", "csv"), fixedRate.TimelineCsv(), cancellation);
        var budgetEvents = EventTypeNames.Of(typeof(FundsCommitted));
        var lags = await probe.LagsAsync(fromSequence, null, TimeSpan.FromSeconds(60), cancellation);
        var commitmentLags = await probe.LagsAsync(fromSequence, budgetEvents, TimeSpan.Zero, cancellation);

        var latency = LatencySummary.Of(fixedRate.LatenciesMs);
        var rateNote = $"{fixedRate.Issued} commands issued on schedule ({Format.Number(fixedRate.Issued / fixedRate.Elapsed.TotalSeconds)}/s achieved), " +
                       $"{fixedRate.Failures} refused or failed; latency counts from when a command was due (open loop), max {Format.Number(latency.Max)} ms";
        AddFigure(new Figure("1b", $"command latency p50 at a fixed {settings.FixedRate} commands/s", latency.P50, "ms", latencyFloor.P50,
            $"p50 of single-row INSERT commits at {settings.FixedRate}/s", null) { Notes = rateNote });
        AddFigure(new Figure("1c", $"command latency p99 at a fixed {settings.FixedRate} commands/s", latency.P99, "ms", latencyFloor.P99,
            $"p99 of single-row INSERT commits at {settings.FixedRate}/s", Target.AtMost(25)));
        EnsureFew(fixedRate.Failures, fixedRate.Issued, "the fixed-rate phase");

        if (lags.Count == 0) throw new InvalidOperationException("The fixed-rate phase appended no event for the budget projection to lag behind.");
        var lag = LatencySummary.Of(lags);
        var commitments = commitmentLags.Count > 0 ? $"; of the {commitmentLags.Count} commitments (FundsCommitted) p99 {Format.Number(LatencySummary.Of(commitmentLags).P99)} ms" : "";
        AddFigure(new Figure("4", "async projection lag p99 (programme budget) under the fixed command load", lag.P99, "ms", lagFloor.P99,
            "p99 from commit to a reader polling every 10 ms seeing the row", Target.AtMost(1000))
        {
            Notes = $"{lag.Count} events, p50 {Format.Number(lag.P50)} ms, max {Format.Number(lag.Max)} ms{commitments}; lag from an event's timestamp to the first " +
                    "10 ms poll of the projection's progress (mt_event_progression) past it, both on PostgreSQL's clock; events the async projections " +
                    $"had still to read when the phase started: {backlogAtStart}; {probe.Stillness()}",
        });
    }
}
