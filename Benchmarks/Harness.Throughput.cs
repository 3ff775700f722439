using Fachwerk.Benchmarks.Hosting;
using Fachwerk.Benchmarks.Measuring;
using Fachwerk.Benchmarks.Postgres;
using Fachwerk.Benchmarks.Reporting;
using Fachwerk.Benchmarks.Workload;
using Fachwerk.Application;
using Fachwerk.Host.Development.LocalPostgres;
using Npgsql;

namespace Fachwerk.Benchmarks;

public sealed partial class Harness
{
    /// <summary>
    /// (1a) Commands over HTTP at saturation: after a warm-up, the commit floor with as many connections as clients, then the
    /// clients moving applications through the workflow as fast as the host answers, with the CPU each side used.
    /// </summary>
    private async Task ThroughputAsync(
        HostProcess host, CommandWorld world, PostgresFloors floors, string connectionString, LocalPostgresCluster cluster, CancellationToken cancellation)
    {
        // The measured clients go on with the applications the warm-up left half way.
        var clients = CommandClients(world);
        await WarmUpCommandsAsync(host, connectionString, clients, cancellation);

        Log($"floor: single-row insert commits with {settings.Clients} connections");
        var floorCpuBefore = CpuShares.Now(host.Id, cluster.DataDirectory);
        var floorCommits = await floors.InsertCommitsAsync(settings.Clients, settings.FloorDuration, cancellation);
        var floorCpu = CpuShares.Used(floorCpuBefore, CpuShares.Now(host.Id, cluster.DataDirectory));
        var commitFloor = floorCommits.PerSecond;
        Log($"commands with {settings.Clients} concurrent clients for {settings.ThroughputDuration.TotalSeconds} s");
        if (settings.Statements) await StatementProfile.ResetAsync(connectionString, cancellation);
        var commandCpuBefore = CpuShares.Now(host.Id, cluster.DataDirectory);
        var tieringBefore = TieredCompiler.Now(host.Id);
        var throughput = await ClosedLoop.RunAsync(settings.Clients, settings.ThroughputDuration, clients, cancellation);
        var commandCpu = CpuShares.Used(commandCpuBefore, CpuShares.Now(host.Id, cluster.DataDirectory));
        var tiering = TieredCompiler.Used(tieringBefore, TieredCompiler.Now(host.Id));
        if (settings.Statements)
            await StatementProfile.WriteAsync(connectionString, throughput.Completed, Path.Combine(settings.OutputFolder, "statements-commands.txt"), cancellation);
        var saturated = LatencySummary.Of(throughput.LatenciesMs);
        AddFigure(new Figure("1a", $"command throughput over HTTP, {settings.Clients} concurrent clients", throughput.PerSecond, "commands/s", commitFloor,
            $"single-row INSERT commits with {settings.Clients} connections", Target.RatioAtLeast(0.25))
        {
            FloorUnit = "commits/s",
            Notes = $"mix of {CommandCase.Steps} commands per application (draft, submit, request and supply documents, formal completeness, alliance vote, " +
                    $"proposal, confirmation with the budget workflow); {throughput.Completed} accepted, {throughput.Failures} refused or failed" +
                    $"{(throughput.Failures > 0 ? $" (last: {CommandCase.LastFailure})" : "")}; latency at saturation p50 {Format.Number(saturated.P50)} ms, p99 {Format.Number(saturated.P99)} ms" +
                    (commandCpu is null || floorCpu is null || throughput.Completed == 0 || floorCommits.Commits == 0 ? "" :
                        $"; CPU per command: {commandCpu.PerOperation(throughput.Completed)} (of the host's, its tiered compiler " +
                        $"{Format.Number(tiering.TotalMilliseconds / throughput.Completed)} ms); per floor commit: {floorCpu.PerOperation(floorCommits.Commits, withHost: false)}"),
        });
        EnsureFew(throughput.Failures, throughput.Completed, "the throughput phase");
        await GuaranteesAsync(host, floors, connectionString, cluster, commitFloor, cancellation);
    }

    /// <summary>
    /// (1g) The statements a command's guarantees need, sent by a plain client beside a commit floor measured right before them
    /// (issue 25): how far PostgreSQL alone could go, whatever the code around it. Its copies are dropped and flushed before the
    /// next phase.
    /// </summary>
    private async Task GuaranteesAsync(
        HostProcess host, PostgresFloors floors, string connectionString, LocalPostgresCluster cluster, double throughputFloor, CancellationToken cancellation)
    {
        // The host's work after the commands (the budget workflow, the async projections and mails) runs on the same PostgreSQL,
        // whose CPU is what this measures: it is done first.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await UnsettledWork.WaitAsync(connection, FachwerkApplication.SchemaName, cancellation);
        Log($"the guarantees' statements alone, {settings.Clients} connections for {settings.FloorDuration.TotalSeconds} s");
        await using (var floor = await GuaranteeFloor.PrepareAsync(connectionString, FachwerkApplication.SchemaName, cancellation))
        {
            // Warmed up first, so that no variant pays for the new connections and the functions' first compilation.
            await floor.CommandsAsync(settings.Clients, TimeSpan.FromSeconds(Math.Min(settings.Warmup.TotalSeconds, 5)), GuaranteeFloor.Guarantees.All, cancellation);
            // The commit floor again, right beside the runs and after a checkpoint as each of them: the machine's speed moves by the
            // minute, and 1a's floor was taken a minute or two before.
            await PostgresFloors.ExecuteAsync(connection, "checkpoint", cancellation);
            var floorCpuBefore = CpuShares.Now(host.Id, cluster.DataDirectory);
            var floorCommits = await floors.InsertCommitsAsync(settings.Clients, settings.FloorDuration, cancellation);
            var floorCpu = CpuShares.Used(floorCpuBefore, CpuShares.Now(host.Id, cluster.DataDirectory));
            var commitFloor = floorCommits.PerSecond;
            // All of them, then without one guarantee at a time: what each costs PostgreSQL.
            var runs = new List<(string Name, GuaranteeFloor.CommandCount Count, CpuShares? Cpu)>();
            foreach (var (name, guarantees) in new[]
                     {
                         ("all", GuaranteeFloor.Guarantees.All),
                         ("without the hash chain", GuaranteeFloor.Guarantees.ReadModels),
                         ("without the inline read models", GuaranteeFloor.Guarantees.HashChain),
                         ("the append alone", GuaranteeFloor.Guarantees.Append),
                     })
            {
                var before = CpuShares.Now(host.Id, cluster.DataDirectory);
                var count = await floor.CommandsAsync(settings.Clients, settings.FloorDuration, guarantees, cancellation);
                runs.Add((name, count, CpuShares.Used(before, CpuShares.Now(host.Id, cluster.DataDirectory))));
                Log($"  {name}: {Format.Number(count.PerSecond)} commands/s");
            }

            string PerCommand((string Name, GuaranteeFloor.CommandCount Count, CpuShares? Cpu) run) =>
                $"{run.Name}: {Format.Number(run.Count.PerSecond)} commands/s ({Format.Number(run.Count.PerSecond / commitFloor)} of the floor)" +
                (run.Cpu is null || run.Count.Commands == 0 ? "" : $", CPU per command {run.Cpu.PerOperation(run.Count.Commands)}");
            var all = runs[0];
            AddFigure(new Figure("1g", $"the guarantees' statements of a command alone, plain Npgsql, {settings.Clients} connections", all.Count.PerSecond, "commands/s", commitFloor,
                $"single-row INSERT commits with {settings.Clients} connections, right before the runs", Target: null)
            {
                FloorUnit = "commits/s",
                Notes = $"per command three round trips as Marten sends them: the caller, the details and summary, the stream's events and version " +
                        $"with BEGIN; the store's append function with the hash chain's trigger and the inline read models' writes (details, summary, inbox task); COMMIT. On copies of " +
                        $"the store's tables ({floor.Applications} applications), the host idle, each after a checkpoint; " +
                        string.Join("; ", runs.Select(PerCommand)) +
                        $"; the floor beside them {Format.Number(commitFloor)} commits/s (1a's {Format.Number(throughputFloor)})" +
                        (floorCpu is null || floorCommits.Commits == 0 ? "" : $", per floor commit: {floorCpu.PerOperation(floorCommits.Commits, withHost: false)}"),
            });
        }

        await PostgresFloors.ExecuteAsync(connection, "checkpoint", cancellation);
    }
}
