using System.Collections.Concurrent;
using System.Diagnostics;

namespace Fachwerk.Benchmarks.Measuring;

/// <summary>
/// Load at a fixed rate: operation i is due at start + i / rate, whether or not earlier ones have finished, and its latency
/// counts from when it was due. A slow answer therefore delays nothing and hides nothing (no coordinated omission).
/// </summary>
public static class OpenLoop
{
    /// <summary>How an operation ended: accepted or not, and what kind of operation it was (for the latency by kind).</summary>
    public readonly record struct Done(bool Accepted, string Kind);

    /// <param name="Timeline">Every accepted operation's due time (seconds from the start), latency and kind, for a picture over time.</param>
    public sealed record Outcome(
        int Failures, int Issued, TimeSpan Elapsed, double LateStartsMs, DateTimeOffset StartedAt, IReadOnlyList<(double DueSeconds, double LatencyMs, string Kind)> Timeline)
    {
        public IReadOnlyList<double> LatenciesMs => [.. Timeline.Select(t => t.LatencyMs)];

        /// <summary>The latencies of each kind of operation, in the order the kinds first came due.</summary>
        public IReadOnlyList<(string Kind, LatencySummary Latency)> ByKind() =>
        [
            .. Timeline.OrderBy(t => t.DueSeconds).GroupBy(t => t.Kind)
                .Select(g => (g.Key, LatencySummary.Of(g.Select(t => t.LatencyMs).ToList()))),
        ];

        /// <summary>Accepted operations whose latency is at least the given one, by kind: where a tail comes from.</summary>
        public IReadOnlyDictionary<string, int> SlowByKind(double atLeastMs) =>
            Timeline.Where(t => t.LatencyMs >= atLeastMs).GroupBy(t => t.Kind).ToDictionary(g => g.Key, g => g.Count());

        /// <summary>Per second of the schedule: when it began (UTC), how many operations were due then, their p50, p99 and max latency.</summary>
        public IEnumerable<string> TimelineCsv()
        {
            yield return "second,utc,due,p50_ms,p99_ms,max_ms";
            foreach (var second in Timeline.GroupBy(t => (int)t.DueSeconds).OrderBy(g => g.Key))
            {
                var latencies = second.Select(t => t.LatencyMs).ToList();
                yield return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{second.Key},{StartedAt.AddSeconds(second.Key):HH:mm:ss},{latencies.Count},{Percentiles.Of(latencies, 50):0.0},{Percentiles.Of(latencies, 99):0.0},{latencies.Max():0.0}");
            }
        }
    }

    /// <summary>Operations of one kind.</summary>
    public static Task<Outcome> RunAsync(double perSecond, TimeSpan duration, Func<int, Task<bool>> operation, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return RunAsync(perSecond, duration, async i => new Done(await operation(i), "operation"), cancellation);
    }

    public static async Task<Outcome> RunAsync(double perSecond, TimeSpan duration, Func<int, Task<Done>> operation, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var timeline = new ConcurrentBag<(double DueSeconds, double LatencyMs, string Kind)>();
        var failures = 0;
        var running = new List<Task>();
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var count = (int)(perSecond * duration.TotalSeconds);
        double worstLateStart = 0;
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait, cancellation);
            worstLateStart = Math.Max(worstLateStart, (clock.Elapsed - due).TotalMilliseconds);
            var index = i;
            running.Add(Task.Run(async () =>
            {
                var done = new Done(false, "");
                try
                {
                    done = await operation(index);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    done = new Done(false, "");
                }

                if (done.Accepted) timeline.Add((due.TotalSeconds, (clock.Elapsed - due).TotalMilliseconds, done.Kind));
                else Interlocked.Increment(ref failures);
            }, cancellation));
        }

        await Task.WhenAll(running);
        return new Outcome(failures, count, clock.Elapsed, worstLateStart, startedAt, [.. timeline]);
    }
}

/// <summary>Load from a fixed number of clients, each sending its next operation as soon as the previous one is answered.</summary>
public static class ClosedLoop
{
    public sealed record Outcome(int Completed, int Failures, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs)
    {
        public double PerSecond => Completed / Elapsed.TotalSeconds;
    }

    public static async Task<Outcome> RunAsync(int clients, TimeSpan duration, Func<int, CancellationToken, Task<bool>> operation, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var latencies = new ConcurrentBag<double>();
        var completed = 0;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            while (clock.Elapsed < duration && !cancellation.IsCancellationRequested)
            {
                var started = clock.Elapsed;
                bool ok;
                try
                {
                    ok = await operation(client, cancellation);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    ok = false;
                }

                if (ok)
                {
                    Interlocked.Increment(ref completed);
                    latencies.Add((clock.Elapsed - started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }, cancellation)).ToList();
        await Task.WhenAll(workers);
        return new Outcome(completed, failures, clock.Elapsed, [.. latencies]);
    }
}
