using System.Collections.Concurrent;
using Fachwerk.Application;
using Fachwerk.Application.Common;
using Fachwerk.Benchmarks.Hosting;
using Fachwerk.Benchmarks.Measuring;
using Fachwerk.Benchmarks.Postgres;
using Fachwerk.Benchmarks.Reporting;
using Fachwerk.Benchmarks.Workload;
using Fachwerk.Domain.Programmes;
using Fachwerk.Host.Development.LocalPostgres;

namespace Fachwerk.Benchmarks;

public sealed partial class Harness
{
    /// <summary>
    /// (1b, 1c) Commands at a fixed rate, open loop, beside the floor's commit latency at the same rate; and (4) the budget
    /// projection's lag under that load, read by a probe that runs alongside it, beside the floor's propagation lag.
    /// </summary>
    private async Task FixedRateAsync(
        HostProcess host, CommandWorld world, PostgresFloors floors, string connectionString, LocalPostgresCluster cluster, CancellationToken cancellation)
    {
        Log($"floors: insert commit latency and propagation lag at {settings.FixedRate}/s");
        var latencyFloor = await floors.InsertLatencyAtRateAsync(settings.FixedRate, settings.FloorDuration, cancellation);
        var lagFloor = await floors.PropagationLagAsync(settings.FixedRate, settings.FloorDuration, TimeSpan.FromMilliseconds(10), cancellation);

        Log($"commands at a fixed {settings.FixedRate}/s for {settings.FixedRateDuration.TotalSeconds} s, with the budget projection's lag");
        var backlogAtStart = await ProjectionLagProbe.BacklogAsync(connectionString, FachwerkApplication.SchemaName, cancellation);
        await using var probe = new ProjectionLagProbe(connectionString, FachwerkApplication.SchemaName, "ProgrammeBudget:All");
        var fromSequence = await probe.StartAsync(cancellation);
        var (fixedRate, cpu) = await CommandsAtRateAsync(host, world, cluster, settings.FixedRate, settings.FixedRateDuration, cancellation);
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
            $"p99 of single-row INSERT commits at {settings.FixedRate}/s", Target.AtMost(25)) { Notes = LoadNote(fixedRate, cpu, latency) });
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

    /// <summary>
    /// Commands at a fixed rate, open loop: each due command takes the next step of an application that is not waiting for an
    /// answer, or starts a new one; with the CPU each party used meanwhile.
    /// </summary>
    private async Task<(OpenLoop.Outcome Outcome, CpuShares? Cpu)> CommandsAtRateAsync(
        HostProcess host, CommandWorld world, LocalPostgresCluster cluster, double perSecond, TimeSpan duration, CancellationToken cancellation)
    {
        var idle = new ConcurrentQueue<CommandCase>();
        var before = CpuShares.Now(host.Id, cluster.DataDirectory);
        var outcome = await OpenLoop.RunAsync(perSecond, duration, async _ =>
        {
            if (!idle.TryDequeue(out var next)) next = NewCase(world);
            var kind = next.NextKind;
            var ok = await next.NextAsync(cancellation);
            if (ok && !next.Finished) idle.Enqueue(next);
            return new OpenLoop.Done(ok, kind);
        }, cancellation);
        return (outcome, CpuShares.Used(before, CpuShares.Now(host.Id, cluster.DataDirectory)));
    }

    /// <summary>How busy the machine was, and which kinds of command the latency's tail holds.</summary>
    private static string LoadNote(OpenLoop.Outcome outcome, CpuShares? cpu, LatencySummary latency)
    {
        var busy = cpu is null ? "" : $"machine busy {Format.Number(cpu.BusyPercent(outcome.Elapsed))} % of its cores; ";
        var byKind = string.Join(", ", outcome.ByKind().Select(k => $"{k.Kind} {Format.Number(k.Latency.P50)}/{Format.Number(k.Latency.P99)}"));
        var tail = string.Join(", ", outcome.SlowByKind(latency.P99).OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value}"));
        return $"{busy}p50/p99 ms by kind: {byKind}; the commands at or above the p99 by kind: {tail}";
    }
}
