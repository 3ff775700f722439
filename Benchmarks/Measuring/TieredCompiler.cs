using Fachwerk.Benchmarks.Hosting;

namespace Fachwerk.Benchmarks.Measuring;

/// <summary>
/// The CPU of the host's tiered compiler: the runtime's background thread that compiles hot methods again, optimized, after
/// they ran often enough. On this machine it was busy for more than a minute after the host's start under load, and took a
/// fifth of the host's CPU in a command phase that began 40 s after the start (docs/benchmarks.md, "A host that has settled").
/// </summary>
public static class TieredCompiler
{
    /// <summary>The thread's name as /proc shows it (15 characters of ".NET Tiered Compilation Worker").</summary>
    public const string ThreadName = ".NET Tiered Com";

    public static IReadOnlyDictionary<int, TimeSpan> Now(int hostProcessId) => Processes.ThreadCpuTimes(hostProcessId, ThreadName);

    /// <summary>What its threads used between two readings (a thread that ended meanwhile is not counted: it had gone quiet).</summary>
    public static TimeSpan Used(IReadOnlyDictionary<int, TimeSpan> before, IReadOnlyDictionary<int, TimeSpan> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return after.Aggregate(TimeSpan.Zero, (sum, thread) => sum + thread.Value - before.GetValueOrDefault(thread.Key));
    }
}
