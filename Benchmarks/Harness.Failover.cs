using System.Diagnostics;
using Fachwerk.Application;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Benchmarks.Hosting;
using Fachwerk.Benchmarks.Measuring;
using Fachwerk.Benchmarks.Reporting;
using Fachwerk.Benchmarks.Workload;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Programmes;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;

namespace Fachwerk.Benchmarks;

public sealed partial class Harness
{
    /// <summary>The projection whose shard lock tells which node runs the projections (every node takes all of them, ADR 0125).</summary>
    private const string LeadingProjection = "ProgrammeBudget";

    /// <summary>
    /// (7b, 7c) Two nodes on one database (issue 24, ADR 0125); the node running the projections accepts approvals and is killed
    /// (SIGKILL) at a random moment among the confirmations and the budget workflow behind them, while the other node survives.
    /// Measured from the kill: (7b) the async projections advance again on the survivor, past a command it accepted right after
    /// the kill; (7c) the commitments the dead node had accepted settled, its messages taken over by the survivor. The killed
    /// node is then started again (a new node to Wolverine) and the next round kills whichever node runs the projections then.
    /// Nothing may be committed twice.
    /// </summary>
    private async Task FailoverAsync(string publish, string connectionString, CancellationToken cancellation)
    {
        Log($"failover: {settings.FailoverKills} kills of the node running the projections, another node surviving");
        var random = new Random(25);
        var keys = Directory.CreateTempSubdirectory("fachwerk-bench-keys-").FullName;
        var nodes = new Dictionary<string, HostProcess>();
        var rounds = new List<(double Advanced, double Settled, double Locked, int InFlight)>();
        var deadlineDelays = new List<(double Delay, bool DueBeforeKill)>();
        var deadlinesBeforeKill = 0;
        HostProcess StartNode(string name, bool applySchema) =>
            nodes[name] = HostProcess.Start(publish, connectionString, LogPath($"host-failover-{name}"), applySchema, (name, keys));
        try
        {
            // One node after the other: the first brings the schema up to date (the phase may run alone), the second finds it.
            await FirstCommandAsync(StartNode("bench-a", applySchema: true), cancellation);
            await FirstCommandAsync(StartNode("bench-b", applySchema: false), cancellation);
            await UntilAsync(Stopwatch.StartNew(), async () => await AwaitingCommitmentAsync(connectionString, cancellation) == 0, cancellation);
            for (var kill = 0; kill < settings.FailoverKills; kill++)
            {
                var leaderName = await ProjectionNodeAsync(connectionString, cancellation);
                var leader = nodes[leaderName];
                var (survivorName, survivor) = nodes.Single(n => n.Key != leaderName);
                using var leaderApi = new FachwerkApi(leader.Address);
                using var survivorApi = new FachwerkApi(survivor.Address);
                var waitingBefore = await DeadlinesAroundKill.WaitingAsync(connectionString, cancellation);
                var world = await CommandWorld.SetUpAsync(leaderApi, applicants: 4, programmes: 2, cancellation);
                var cases = Enumerable.Range(0, 8).Select(_ => NewCase(world)).ToList();
                foreach (var next in cases)
                    while (next.Step < CommandCase.Steps - 1 && await next.NextAsync(cancellation)) { }

                // A token of the leader is taken by the survivor too (the shared signing key): the command after the kill uses it.
                var caseworker = world.Caseworker;
                var deadlines = await DeadlinesAroundKill.BringDueAsync(connectionString, waitingBefore, random, cancellation);
                var confirmations = ConfirmAll(cases, cancellation);
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 400)), cancellation);
                var sinceKill = Stopwatch.StartNew();
                await leader.KillAsync();
                deadlines.Killed(cancellation);
                // How soon PostgreSQL lets the survivor have the lock: the part of the failover no setting of ours shortens.
                var released = UntilAsync(sinceKill, async () => await ProjectionHolderAsync(connectionString, cancellation) != leaderName, cancellation);
                var lockTaken = UntilAsync(sinceKill, async () => await ProjectionHolderAsync(connectionString, cancellation) == survivorName, cancellation);
                await Task.WhenAll(confirmations);

                var inFlight = await AwaitingCommitmentAsync(connectionString, cancellation);
                await survivorApi.CommandAsync<StreamCreated>(caseworker, "/api/organisations",
                    new RegisterOrganisation($"Nach dem Ausfall {kill + 1} {Guid.NewGuid():N}", OrganisationKind.Association, "Halle (Saale)"), cancellation);
                var stored = await ScalarAsync(connectionString, $"select coalesce(max(seq_id), 0) from {Schema}.mt_events", cancellation);
                var advanced = await UntilAsync(sinceKill, async () => await ScalarAsync(connectionString,
                    $"select count(*) from {Schema}.mt_event_progression where name like '%:%' and last_seq_id < {stored}", cancellation) == 0, cancellation);
                var settled = await UntilAsync(sinceKill, async () => await AwaitingCommitmentAsync(connectionString, cancellation) == 0, cancellation);
                var ran = await deadlines.RunAsync();
                deadlineDelays.AddRange(ran);
                deadlinesBeforeKill += deadlines.RanBeforeKill;
                var locked = await lockTaken;
                var free = await released;
                rounds.Add((advanced.TotalMilliseconds, settled.TotalMilliseconds, locked.TotalMilliseconds, (int)inFlight));
                Log($"  kill {kill + 1} of {leaderName}: {inFlight} awaiting commitment at the kill; {survivorName} held the projections' lock " + $"(released after {free.TotalMilliseconds:F0} ms) " +
                    $"{locked.TotalMilliseconds:F0} ms, projections advanced on it " +
                    $"{advanced.TotalMilliseconds:F0} ms, commitments settled {settled.TotalMilliseconds:F0} ms after the kill; deadlines ran " +
                    $"{string.Join(", ", ran.Select(r => r.Delay.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} ms after they could");

                await leader.DisposeAsync();
                await FirstCommandAsync(StartNode(leaderName, applySchema: false), cancellation);
            }
        }
        finally
        {
            foreach (var node in nodes.Values) await node.DisposeAsync();
            Directory.Delete(keys, recursive: true);
        }

        var committed = EventTypeNames.Of(typeof(FundsCommitted)).Single();
        var twice = await ScalarAsync(connectionString,
            $"select count(*) from (select data->>'applicationId' from {Schema}.mt_events where type = '{committed}' " +
            "and coalesce((data->>'raise')::boolean, false) = false group by 1 having count(*) > 1) as twice", cancellation);
        var advancedAll = rounds.Select(r => r.Advanced).ToList();
        var settledAll = rounds.Select(r => r.Settled).ToList();
        AddFigure(new Figure("7b", $"failover: kill -9 of the node running the projections, until they advance on the surviving node (p99 of {rounds.Count})",
            Percentiles.Of(advancedAll, 99), "ms", Percentiles.Of(rounds.Select(r => r.Locked).ToList(), 99),
            "the survivor holds the projections' advisory lock (p99): when PostgreSQL has let go of the dead node's sessions and the survivor asked again",
            Target.AtMost(5_000))
        {
            Notes = $"two nodes on one database; measured from the kill until every async projection has processed a command the survivor " +
                    $"accepted right after it; all rounds {string.Join(", ", advancedAll.Select(ms => Format.Number(ms)))} ms; median " +
                    $"{Format.Number(Percentiles.Of(advancedAll, 50))} ms; lock held after {string.Join(", ", rounds.Select(r => Format.Number(r.Locked)))} ms",
        });
        AddFigure(new Figure("7c", $"failover: commitments the killed node had accepted, settled by the survivor (p99 of {rounds.Count})",
            Percentiles.Of(settledAll, 99), "ms", Percentiles.Of(advancedAll, 99),
            "7b, the projections advancing on the survivor: Wolverine's ownership of messages waits for the dead node to be seen stale twice",
            Target.AtMost(10_000))
        {
            Notes = $"measured from the kill; median {Format.Number(Percentiles.Of(settledAll, 50))} ms; {rounds.Count(r => r.InFlight > 0)} of {rounds.Count} kills left commitments in flight " +
                    $"({rounds.Sum(r => r.InFlight)} applications); all rounds {string.Join(", ", settledAll.Select(ms => Format.Number(ms)))} ms; " +
                    $"applications committed twice: {twice}",
        });
        var delays = deadlineDelays.Select(d => d.Delay).ToList();
        var dueAfterKill = deadlineDelays.Where(d => !d.DueBeforeKill).Select(d => d.Delay).ToList();
        AddFigure(new Figure("7e", $"failover: scheduled deadlines coming due around the kill, run by the survivor (p99 of {delays.Count})",
            Percentiles.Of(delays, 99), "ms", dueAfterKill.Count > 0 ? Percentiles.Of(dueAfterKill, 50) : null,
            "deadlines that came due after the kill (median): the survivor's own poll for due messages, no takeover needed",
            Target.AtMost(10_000))
        {
            Notes = $"each deadline measured from the later of its due moment and the kill; due moments spread over 1.5 s from just before the kill " +
                    $"(the harness moves them in Wolverine's inbox); {deadlineDelays.Count(d => d.DueBeforeKill)} came due before the kill (the dead node " +
                    $"may have taken them: they wait for the takeover), {dueAfterKill.Count} after it; median {Format.Number(Percentiles.Of(delays, 50))} ms, " +
                    $"max {Format.Number(delays.DefaultIfEmpty().Max())} ms; {deadlinesBeforeKill} ran before the kill and are not counted; none dead-lettered",
        });
        if (twice > 0) throw new InvalidOperationException($"{twice} applications were committed twice after the kills.");
    }

    /// <summary>The node running the projections, asked until one runs them (after a start or a takeover).</summary>
    private static async Task<string> ProjectionNodeAsync(string connectionString, CancellationToken cancellation)
    {
        var guard = Stopwatch.StartNew();
        while (true)
        {
            if (await ProjectionHolderAsync(connectionString, cancellation) is { } name) return name;
            if (guard.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("No node took the projections within two minutes.");
            await Task.Delay(100, cancellation);
        }
    }

    /// <summary>
    /// The node whose session holds the budget projection's shard lock (Marten derives its id from the schema, the shard and the
    /// daemon's lock id 4444), by the application name the host gives its sessions; null while no node holds it.
    /// </summary>
    private static async Task<string?> ProjectionHolderAsync(string connectionString, CancellationToken cancellation)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        return await ProjectionRebuilds.LockHolderAsync(connection,
            [(long)ProjectionLockIds.Compute(Schema, new ShardName(LeadingProjection, "All", 1), 4444)], cancellation);
    }
}
