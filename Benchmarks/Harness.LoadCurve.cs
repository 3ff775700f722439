using System.Diagnostics;
using System.Globalization;
using System.Text;
using Fachwerk.Application;
using Fachwerk.Benchmarks.Hosting;
using Fachwerk.Benchmarks.Measuring;
using Fachwerk.Benchmarks.Postgres;
using Fachwerk.Benchmarks.Reporting;
using Fachwerk.Benchmarks.Workload;
using Fachwerk.Host.Development.LocalPostgres;
using Npgsql;

namespace Fachwerk.Benchmarks;

public sealed partial class Harness
{
    /// <summary>
    /// (issue 25, the tail) The command latency at a fixed rate for several rates, each beside the floor's commits at the same
    /// rate and with how busy the machine was (<c>--only load-curve</c>; never part of a full run). If the tail grows with the
    /// load and is close to the floor's at a low rate, it is queueing for the machine's cores; if it stays at any rate, something
    /// in the path waits (polling, a lock, a pause). Between rates the harness waits until the budget workflow and the async
    /// projections are done, so no rate pays for the one before. Written to load-curve.md in the output folder.
    /// </summary>
    private async Task LoadCurveAsync(string publish, string connectionString, LocalPostgresCluster cluster, CancellationToken cancellation)
    {
        await using var host = HostProcess.Start(publish, connectionString, LogPath("host-load-curve"));
        await FirstCommandAsync(host, cancellation);
        using var api = new FachwerkApi(host.Address);
        var world = await CommandWorld.SetUpAsync(api, applicants: CommandWorld.ApplicantPeople.Count, programmes: 4, cancellation);
        var floors = new PostgresFloors(connectionString);
        await WarmUpCommandsAsync(host, connectionString, CommandClients(world), cancellation);
        await using var observer = new NpgsqlConnection(connectionString);
        await observer.OpenAsync(cancellation);

        var rows = new List<LoadCurveRow>();
        foreach (var rate in settings.LoadCurveRates)
        {
            await UnsettledWork.WaitAsync(observer, FachwerkApplication.SchemaName, cancellation);
            Log($"load curve: floor and commands at {rate}/s");
            var floor = await floors.InsertLatencyAtRateAsync(rate, settings.FloorDuration, cancellation);
            var (outcome, cpu) = await CommandsAtRateAsync(host, world, cluster, rate, settings.FixedRateDuration, cancellation);
            EnsureFew(outcome.Failures, outcome.Issued, $"the load curve at {rate}/s");
            await File.WriteAllLinesAsync(LogPath($"load-curve-{rate.ToString(CultureInfo.InvariantCulture)}-timeline", "csv"), outcome.TimelineCsv(), cancellation);
            var row = new LoadCurveRow(rate, outcome, cpu, LatencySummary.Of(outcome.LatenciesMs), floor);
            rows.Add(row);
            Log($"  {rate}/s: p50 {Format.Number(row.Latency.P50)} ms, p99 {Format.Number(row.Latency.P99)} ms (floor {Format.Number(floor.P99)} ms); " +
                LoadNote(outcome, cpu, row.Latency));
        }

        // Last, so no rate's window follows it: what the machine does with the host idle (its timers, the daemon's and
        // Wolverine's polling, PostgreSQL's background work, the harness's probe), the base every rate's load stands on.
        await UnsettledWork.WaitAsync(observer, FachwerkApplication.SchemaName, cancellation);
        var idleStart = Stopwatch.StartNew();
        var idleBefore = CpuShares.Now(host.Id, cluster.DataDirectory);
        await Task.Delay(settings.FloorDuration, cancellation);
        var idle = CpuShares.Used(idleBefore, CpuShares.Now(host.Id, cluster.DataDirectory));
        var idleNote = idle is null ? "" :
            $"Idle host, {N(settings.FloorDuration.TotalSeconds)} s after the last rate had settled: machine busy {N(idle.BusyPercent(idleStart.Elapsed))} % of its cores; " +
            $"per second host {N(idle.Host.TotalMilliseconds / idleStart.Elapsed.TotalSeconds)} ms, PostgreSQL {N(idle.Postgres.TotalMilliseconds / idleStart.Elapsed.TotalSeconds)} ms, " +
            $"machine {N(idle.Machine.TotalMilliseconds / idleStart.Elapsed.TotalSeconds)} ms of CPU.";
        Log($"  idle: {idleNote}");

        Directory.CreateDirectory(settings.OutputFolder);
        var path = Path.Combine(settings.OutputFolder, "load-curve.md");
        await File.WriteAllTextAsync(path, LoadCurveMarkdown(rows) + Environment.NewLine + idleNote + Environment.NewLine, cancellation);
        Log($"load curve written to {path}");
    }

    /// <summary>
    /// The closed loop's clients: each sends the next step of its application as soon as the last one is answered, and starts a
    /// new application when its own is through the workflow.
    /// </summary>
    private Func<int, CancellationToken, Task<bool>> CommandClients(CommandWorld world)
    {
        var cases = new CommandCase?[settings.Clients];
        return (client, token) =>
        {
            if (cases[client] is not { Finished: false }) cases[client] = NewCase(world);
            return cases[client]!.NextAsync(token);
        };
    }

    /// <summary>
    /// The command path warmed up by <paramref name="clients"/> for <see cref="Settings.Warmup"/>, then on in windows of a few
    /// seconds, up to <see cref="Settings.TieringSettleLimit"/>, until the host's tiered compiler has gone quiet: what is
    /// measured after it is a host that has run for a while, not one still compiling its hot methods again.
    /// </summary>
    private async Task WarmUpCommandsAsync(
        HostProcess host, string connectionString, Func<int, CancellationToken, Task<bool>> clients, CancellationToken cancellation)
    {
        Log("warming up the command path");
        await ClosedLoop.RunAsync(settings.Clients, settings.Warmup, clients, cancellation);
        if (settings.TieringSettleLimit > TimeSpan.Zero) await SettleTieringAsync(host, clients, cancellation);

        // What the warm-up wrote is flushed before anything is measured, so that neither the floor nor the commands after it
        // pay for it: after two minutes of warm-up the floor's commits had halved while the disk wrote it back, and
        // PostgreSQL's checkpoint for the WAL came in the middle of the commands.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var checkpoint = new NpgsqlCommand("checkpoint", connection);
        await checkpoint.ExecuteNonQueryAsync(cancellation);
    }

    private async Task SettleTieringAsync(HostProcess host, Func<int, CancellationToken, Task<bool>> clients, CancellationToken cancellation)
    {
        var settling = Stopwatch.StartNew();
        var last = TimeSpan.Zero;
        var quiet = false;
        while (!quiet && settling.Elapsed < settings.TieringSettleLimit)
        {
            var before = TieredCompiler.Now(host.Id);
            await ClosedLoop.RunAsync(settings.Clients, TieringWindow, clients, cancellation);
            last = TieredCompiler.Used(before, TieredCompiler.Now(host.Id));
            quiet = last < TieringWindow * TieringQuietShare;
        }

        var note = $"command warm-up: {Format.Number(settings.Warmup.TotalSeconds)} s, then {Format.Number(settling.Elapsed.TotalSeconds)} s more until the host's " +
                   $"tiered compiler used less than {Format.Number(TieringQuietShare * 100)} % of a core over {Format.Number(TieringWindow.TotalSeconds)} s " +
                   $"({Format.Number(last.TotalMilliseconds)} ms in the last window{(quiet ? "" : $"; the limit of {Format.Number(settings.TieringSettleLimit.TotalSeconds)} s came first")})";
        Log(note);
        _notes.Add(note);
    }

    private static readonly TimeSpan TieringWindow = TimeSpan.FromSeconds(5);

    private const double TieringQuietShare = 0.02;

    private sealed record LoadCurveRow(double Rate, OpenLoop.Outcome Outcome, CpuShares? Cpu, LatencySummary Latency, LatencySummary Floor)
    {
        /// <summary>The latency of each kind, summed up once for the table.</summary>
        public IReadOnlyDictionary<string, LatencySummary> ByKind { get; } = Outcome.ByKind().ToDictionary(k => k.Kind, k => k.Latency);

        /// <summary>How many of the commands at or above the rate's p99 were of each kind.</summary>
        public IReadOnlyDictionary<string, int> SlowByKind { get; } = Outcome.SlowByKind(Latency.P99);
    }

    private static string N(double value) => Format.Number(value);

    private string LoadCurveMarkdown(IReadOnlyList<LoadCurveRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Commands of the harness's mix at fixed rates, {N(settings.FixedRateDuration.TotalSeconds)} s each, open loop " +
            $"(latency from when a command was due), each beside single-row INSERT commits at the same rate for {N(settings.FloorDuration.TotalSeconds)} s; " +
            $"the machine's busy time as a share of its {Environment.ProcessorCount} cores.");
        text.AppendLine();
        text.AppendLine("| commands/s | achieved | machine busy | host CPU per command | PostgreSQL CPU per command | p50 | p99 | max | floor p50 | floor p99 | p99 ÷ floor p99 |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var accepted = row.Outcome.Timeline.Count;
            var cpu = row.Cpu;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {N(row.Rate)} | {N(row.Outcome.Issued / row.Outcome.Elapsed.TotalSeconds)} | {(cpu is null ? "–" : $"{N(cpu.BusyPercent(row.Outcome.Elapsed))} %")} | " +
                $"{(cpu is null ? "–" : $"{N(cpu.Host.TotalMilliseconds / accepted)} ms")} | {(cpu is null ? "–" : $"{N(cpu.Postgres.TotalMilliseconds / accepted)} ms")} | " +
                $"{N(row.Latency.P50)} ms | {N(row.Latency.P99)} ms | {N(row.Latency.Max)} ms | {N(row.Floor.P50)} ms | {N(row.Floor.P99)} ms | {N(row.Latency.P99 / row.Floor.P99)} |");
        }

        text.AppendLine();
        text.AppendLine("p50 / p99 in ms by kind of command, and how many of the commands at or above the rate's p99 were of that kind:");
        text.AppendLine();
        text.AppendLine("| kind | " + string.Join(" | ", rows.Select(r => $"{N(r.Rate)}/s")) + " |");
        text.AppendLine("|---|" + string.Concat(rows.Select(_ => "---:|")));
        foreach (var kind in CommandCase.Kinds)
        {
            var cells = rows.Select(r => r.ByKind.TryGetValue(kind, out var latency)
                ? $"{N(latency.P50)} / {N(latency.P99)} ({r.SlowByKind.GetValueOrDefault(kind)})"
                : "–");
            text.AppendLine($"| {kind} | " + string.Join(" | ", cells) + " |");
        }

        return text.ToString();
    }
}
