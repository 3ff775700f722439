using Fachwerk.Benchmarks.Hosting;
using Fachwerk.Benchmarks.Reporting;

namespace Fachwerk.Benchmarks.Measuring;

/// <summary>
/// CPU time used by the three parties of a phase: the host, PostgreSQL (the postmaster and its backends) and the harness,
/// and by the whole machine (all cores, with the kernel's work for the disk and the network that no process is charged
/// with). Host, database and load share the machine's cores, so a throughput ratio only means something beside what one
/// command costs each of them, and what one floor commit costs (docs/benchmarks.md).
/// </summary>
public sealed record CpuShares(TimeSpan Host, TimeSpan Postgres, TimeSpan Harness, TimeSpan Machine)
{
    /// <summary>The CPU used so far; null where /proc cannot be read.</summary>
    public static CpuShares? Now(int hostProcessId, string postgresDataDirectory)
    {
        var postgres = Processes.PostmasterId(postgresDataDirectory) is { } postmaster ? Processes.TreeCpuTime(postmaster) : null;
        var host = Processes.CpuTime(hostProcessId);
        var machine = Processes.MachineBusyTime();
        if (postgres is null || host is null || machine is null) return null;
        return new CpuShares(host.Value, postgres.Value, Environment.CpuUsage.TotalTime, machine.Value);
    }

    /// <summary>What was used between two readings; null when either could not be taken.</summary>
    public static CpuShares? Used(CpuShares? before, CpuShares? after) =>
        before is null || after is null
            ? null
            : new CpuShares(after.Host - before.Host, after.Postgres - before.Postgres, after.Harness - before.Harness, after.Machine - before.Machine);

    /// <summary>The machine's busy time as a share of all its cores over <paramref name="elapsed"/>, in per cent.</summary>
    public double BusyPercent(TimeSpan elapsed) => 100 * Machine / (elapsed * Environment.ProcessorCount);

    /// <summary>"host 2.9 ms, PostgreSQL 3.1 ms, harness 0.22 ms, machine 6.9 ms" per operation; the host left out when there was none.</summary>
    public string PerOperation(double operations, bool withHost = true)
    {
        if (operations <= 0) throw new ArgumentOutOfRangeException(nameof(operations), operations, "CPU per operation needs at least one operation.");
        string Ms(TimeSpan cpu) => $"{Format.Number(cpu.TotalMilliseconds / operations)} ms";
        var others = $"PostgreSQL {Ms(Postgres)}, harness {Ms(Harness)}, machine {Ms(Machine)}";
        return withHost ? $"host {Ms(Host)}, {others}" : others;
    }
}
