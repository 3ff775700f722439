using System.Diagnostics;
using Fachwerk.Application;
using Fachwerk.Benchmarks.Hosting;
using Fachwerk.Benchmarks.Measuring;
using Fachwerk.Benchmarks.Reporting;
using Fachwerk.Benchmarks.Workload;
using Fachwerk.Domain.Programmes;
using Npgsql;

namespace Fachwerk.Benchmarks;

public sealed partial class Harness
{
    private const string Schema = FachwerkApplication.SchemaName;

    /// <summary>
    /// (7) kill -9 in the middle of the workflow (issue 24, ADR 0125): approvals are confirmed, and at a random moment among the
    /// confirmations and the budget workflow behind them the host is killed and started again. Measured from the new process's
    /// start: its first served command, the budget workflow's commitments in flight settled (no application left awaiting its
    /// commitment), and every async projection caught up with what was stored before the kill. Nothing may be committed twice.
    /// </summary>
    private async Task RecoveryAsync(string publish, string connectionString, CancellationToken cancellation)
    {
        Log($"recovery: {settings.RecoveryKills} kills in the middle of the workflow");
        var random = new Random(24);
        var kills = new List<(double FirstCommand, double Settled, double CaughtUp, int InFlight)>();
        var deadlineDelays = new List<double>();
        var deadlinesBeforeKill = 0;
        // The first start brings the schema up to date (the phase may run alone, --only recovery); the restarts find it.
        var host = HostProcess.Start(publish, connectionString, LogPath("host-recovery"));
        try
        {
            await FirstCommandAsync(host, cancellation);
            // The phases before may have left their budget workflow running (a full run): the first kill must not measure that.
            await UntilAsync(Stopwatch.StartNew(), async () => await AwaitingCommitmentAsync(connectionString, cancellation) == 0, cancellation);
            for (var kill = 0; kill < settings.RecoveryKills; kill++)
            {
                DeadlinesAroundKill deadlines;
                using (var api = new FachwerkApi(host.Address))
                {
                    var waitingBefore = await DeadlinesAroundKill.WaitingAsync(connectionString, cancellation);
                    var world = await CommandWorld.SetUpAsync(api, applicants: 4, programmes: 2, cancellation);
                    var cases = Enumerable.Range(0, 8).Select(_ => NewCase(world)).ToList();
                    foreach (var next in cases)
                        while (next.Step < CommandCase.Steps - 1 && await next.NextAsync(cancellation)) { }

                    // The confirmations start the budget workflow; the kill lands somewhere among them and the commitments behind.
                    deadlines = await DeadlinesAroundKill.BringDueAsync(connectionString, waitingBefore, random, cancellation);
                    var confirmations = ConfirmAll(cases, cancellation);
                    await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 400)), cancellation);
                    await host.KillAsync();
                    deadlines.Killed(cancellation);
                    await Task.WhenAll(confirmations);
                }

                var inFlight = await AwaitingCommitmentAsync(connectionString, cancellation);
                var stored = await ScalarAsync(connectionString, $"select coalesce(max(seq_id), 0) from {Schema}.mt_events", cancellation);
                await host.DisposeAsync();
                var restarted = deadlines.Now;
                host = HostProcess.Start(publish, connectionString, LogPath("host-recovery"), applySchema: false);
                var (_, firstCommand, _) = await FirstCommandAsync(host, cancellation);
                var settled = await UntilAsync(host.SinceStart, async () => await AwaitingCommitmentAsync(connectionString, cancellation) == 0, cancellation);
                var caughtUp = await UntilAsync(host.SinceStart, async () => await ScalarAsync(connectionString,
                    $"select count(*) from {Schema}.mt_event_progression where name like '%:%' and last_seq_id < {stored}", cancellation) == 0, cancellation);
                var ran = await deadlines.RunAsync(servingFrom: restarted);
                deadlineDelays.AddRange(ran.Select(r => r.Delay));
                deadlinesBeforeKill += deadlines.RanBeforeKill;
                kills.Add((firstCommand.TotalMilliseconds, settled.TotalMilliseconds, caughtUp.TotalMilliseconds, (int)inFlight));
                Log($"  kill {kill + 1}: {inFlight} awaiting commitment at the kill; first command {firstCommand.TotalMilliseconds:F0} ms, " +
                    $"settled {settled.TotalMilliseconds:F0} ms, projections {caughtUp.TotalMilliseconds:F0} ms after the restart; " +
                    $"deadlines ran {string.Join(", ", ran.Select(r => r.Delay.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} ms after they could");
            }
        }
        finally
        {
            await host.DisposeAsync();
        }

        var committed = EventTypeNames.Of(typeof(FundsCommitted)).Single();
        var twice = await ScalarAsync(connectionString,
            $"select count(*) from (select data->>'applicationId' from {Schema}.mt_events where type = '{committed}' " +
            "and coalesce((data->>'raise')::boolean, false) = false group by 1 having count(*) > 1) as twice", cancellation);
        var recovered = kills.Select(k => Math.Max(k.Settled, k.CaughtUp)).ToList();
        AddFigure(new Figure("7a", $"recovery after kill -9 in the middle of the workflow, to commitments settled and projections caught up (p99 of {kills.Count})",
            Percentiles.Of(recovered, 99), "ms", Percentiles.Of(kills.Select(k => k.FirstCommand).ToList(), 50),
            "the restarted host's first served command (median)", Target.AtMost(10_000))
        {
            Notes = $"measured from the new process's start; {kills.Count(k => k.InFlight > 0)} of {kills.Count} kills left commitments in flight " +
                    $"({kills.Sum(k => k.InFlight)} applications); settled after {string.Join(", ", kills.Select(k => Format.Number(k.Settled)))} ms; " +
                    $"projections after {string.Join(", ", kills.Select(k => Format.Number(k.CaughtUp)))} ms; applications committed twice: {twice}",
        });
        AddFigure(new Figure("7d", $"recovery: scheduled deadlines coming due around the kill, run after the restart (p99 of {deadlineDelays.Count})",
            Percentiles.Of(deadlineDelays, 99), "ms", Percentiles.Of(kills.Select(k => k.FirstCommand).ToList(), 50),
            "the restarted host's first served command (median)", Target.AtMost(10_000))
        {
            Notes = $"each deadline measured from the later of its due moment and the new process's start; due moments spread over 1.5 s from " +
                    $"just before the kill (the harness moves them in Wolverine's inbox); median {Format.Number(Percentiles.Of(deadlineDelays, 50))} ms, " +
                    $"max {Format.Number(deadlineDelays.DefaultIfEmpty().Max())} ms; {deadlinesBeforeKill} ran before the kill and are not counted; none dead-lettered",
        });
        if (twice > 0) throw new InvalidOperationException($"{twice} applications were committed twice after the kills.");
    }

    /// <summary>Sends every case's last step (the confirmation) at once; a kill among them cuts some off, and that is no error.</summary>
    private static List<Task> ConfirmAll(IEnumerable<CommandCase> cases, CancellationToken cancellation) =>
        [.. cases.Select(next => Task.Run(async () =>
        {
            try
            {
                await next.NextAsync(cancellation);
            }
            catch (Exception e) when (e is HttpRequestException or Fachwerk.Web.Api.ApiProblemException or TaskCanceledException)
            {
                // Cut off by the kill: the client does not know whether it was recorded, as in reality.
            }
        }, cancellation))];

    private static async Task<long> AwaitingCommitmentAsync(string connectionString, CancellationToken cancellation) =>
        await ScalarAsync(connectionString, $"select count(*) from {Schema}.mt_doc_applicationsummary where data->>'status' = 'AwaitingCommitment'", cancellation);

    private static async Task<long> ScalarAsync(string connectionString, string sql, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Asks every 50 ms until <paramref name="done"/>; answers the time on <paramref name="since"/> when it was (at most two minutes).</summary>
    private static async Task<TimeSpan> UntilAsync(Stopwatch since, Func<Task<bool>> done, CancellationToken cancellation)
    {
        var guard = Stopwatch.StartNew();
        while (!await done())
        {
            if (guard.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("Nothing recovered within two minutes of the restart.");
            await Task.Delay(50, cancellation);
        }

        return since.Elapsed;
    }
}
