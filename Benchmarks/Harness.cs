using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Fachwerk.Application;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Pilots;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Programmes;
using Fachwerk.Benchmarks.Hosting;
using Fachwerk.Benchmarks.Measuring;
using Fachwerk.Benchmarks.Postgres;
using Fachwerk.Benchmarks.Reporting;
using Fachwerk.Benchmarks.Workload;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Programmes;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.LocalPostgres;
using Marten;
using Npgsql;

namespace Fachwerk.Benchmarks;

/// <summary>
/// Runs every phase of the benchmark (docs/benchmarks.md) in one go against one throwaway PostgreSQL cluster with default durability, measuring each
/// figure right after its PostgreSQL floor on the same database: (1) commands over HTTP, (2) bulk import, (3) projection
/// rebuilds, (4) async projection lag, (5) as-of, timeline and dashboard queries, (6) cold start and host memory.
/// </summary>
public sealed class Harness(Settings settings)
{
    private const string CommandsDatabase = LocalPostgresCluster.DatabaseName;
    private const string HistoryDatabase = "fachwerk_history";

    private readonly List<Figure> _figures = [];
    private readonly List<string> _notes = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly string _logFolder = Repository.PathOf("artifacts", "benchmarks", "logs");

    public async Task<BenchmarkRun> RunAsync(CancellationToken cancellation)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = LoadAverage();
        Log($"{settings.Mode} run; results go to {settings.OutputFolder}");

        var cluster = LocalPostgresCluster.DurableThrowaway();
        if (settings.Statements) foreach (var setting in StatementProfile.ServerSettings) cluster.ServerSettings.Add(setting);
        // Checkpoints and autovacuum runs in the server log, kept with the hosts' logs: they explain many a slow stretch.
        cluster.ServerSettings.Add("log_checkpoints=on");
        cluster.ServerSettings.Add("log_autovacuum_min_duration=0");
        cluster.Start(preferredPort: 0);
        try
        {
            var commands = cluster.ConnectionStringFor(CommandsDatabase);
            var history = cluster.ConnectionStringFor(HistoryDatabase);
            await using (var connection = new NpgsqlConnection(commands))
            {
                await connection.OpenAsync(cancellation);
                await PostgresFloors.ExecuteAsync(connection, $"create database {HistoryDatabase}", cancellation);
            }

            var (postgres, postgresSettings) = await PostgresInfoAsync(commands, cancellation);
            Log($"PostgreSQL cluster on port {cluster.Port}: {postgres} ({postgresSettings})");

            var publish = settings.ReuseBuild ? HostBuild.LastPublish(settings.ReadyToRun) : await HostBuild.PublishAsync(commands, settings.ReadyToRun, Log, cancellation);
            var idleMegabytes = settings.Runs("cold-start") ? await ColdStartAsync(publish, commands, cluster, cancellation) : 0;
            var commandHostPeak = settings.Runs("commands") ? await CommandsAsync(publish, commands, cluster, cancellation) : 0;
            var historyHostPeak = settings.Runs("history") ? await HistoryAsync(publish, history, cancellation) : 0;
            if (settings.Phases.Count == 3) AddFigure(new Figure("6b", "peak memory of the host under load (VmHWM)", Math.Max(commandHostPeak, historyHostPeak), "MB",
                idleMegabytes, "the same host idle right after its cold start (no PostgreSQL floor applies to our process)", Target.AtMost(400))
            {
                Notes = $"command host {Format.Number(commandHostPeak)} MB after the command and lag phases, dashboard host {Format.Number(historyHostPeak)} MB after the dashboard reads over {Format.Number(settings.HistoryApplications)} applications",
            });

            var run = new BenchmarkRun(settings.Mode, settings.TargetsEnforced, startedAt, _clock.Elapsed,
                new MachineInfo(Environment.ProcessorCount, MemoryMegabytes(), RuntimeInformation.OSDescription, Environment.Version.ToString(), postgres,
                    postgresSettings, loadAtStart, LoadAverage()),
                _figures, _notes);
            await ReportWriter.WriteAsync(run, Path.Combine(settings.OutputFolder, "benchmarks.md"), Path.Combine(settings.OutputFolder, "benchmarks.json"), cancellation);
            Console.WriteLine();
            Console.WriteLine(ReportWriter.Markdown(run));
            Log($"written to {settings.OutputFolder}/benchmarks.md and benchmarks.json");
            return run;
        }
        finally
        {
            KeepServerLog(cluster);
            cluster.Stop();
        }
    }

    private void KeepServerLog(LocalPostgresCluster cluster)
    {
        try
        {
            if (File.Exists(cluster.LogFile)) File.Copy(cluster.LogFile, LogPath("postgres"), overwrite: true);
        }
        catch (IOException e)
        {
            Log($"could not keep the server log: {e.Message}");
        }
    }

    /// <summary>(6) The first start creates the schema; the measured starts find it, as a restart or a new release does.</summary>
    private async Task<double> ColdStartAsync(string publish, string connectionString, LocalPostgresCluster cluster, CancellationToken cancellation)
    {
        await using (var first = HostProcess.Start(publish, connectionString, LogPath("host-first-start")))
        {
            var (_, firstCommand, _) = await FirstCommandAsync(first, cancellation);
            _notes.Add($"6a: the very first start, which also creates the schema, served its first command after {Format.Number(firstCommand.TotalMilliseconds)} ms.");
        }

        var starts = new List<(TimeSpan Ready, TimeSpan FirstCommand, TimeSpan Cpu)>();
        double idle = 0;
        for (var i = 0; i < settings.ColdStarts; i++)
        {
            // The first start applied the schema; a release start finds it applied (db-apply at deployment) and checks nothing.
            await using var host = HostProcess.Start(publish, connectionString, LogPath("host-cold-start"), applySchema: false);
            starts.Add(await FirstCommandAsync(host, cancellation));
            idle = host.ResidentMegabytes ?? 0;
        }

        var floors = new PostgresFloors(connectionString);
        await floors.InsertLatencyAtRateAsync(10, TimeSpan.FromSeconds(0.2), cancellation);
        var psql = Path.Combine(LocalPostgresCluster.FindBinDirectory(), "psql");
        var processFloor = new List<double>();
        for (var i = 0; i < Math.Max(3, settings.ColdStarts); i++)
        {
            var clock = Stopwatch.StartNew();
            await Processes.RunAsync(psql, ["-h", "127.0.0.1", "-p", cluster.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", CommandsDatabase,
                "-c", "insert into bench_floor.commit_rows (payload) values ('{}')"], Repository.Root, null, TimeSpan.FromSeconds(30), cancellation);
            processFloor.Add(clock.Elapsed.TotalMilliseconds);
        }

        var firstCommands = starts.Select(s => s.FirstCommand.TotalMilliseconds).ToList();
        AddFigure(new Figure("6a", $"cold start of the release build to the first served command (median of {starts.Count})",
            Percentiles.Of(firstCommands, 50), "ms", Percentiles.Of(processFloor, 50), "a new psql process connecting and committing one insert (median)",
            Target.AtMost(2000))
        {
            Notes = $"schema applied beforehand, as a deployment does (Database:ApplySchemaOnStartup=false); pre-generated code loaded statically{(settings.ReadyToRun ? ", ReadyToRun" : ", JIT only (no ReadyToRun)")}; " +
                    $"all starts {string.Join(", ", firstCommands.Select(ms => Format.Number(ms)))} ms; listening (token issued) after " +
                    $"{string.Join(", ", starts.Select(s => Format.Number(s.Ready.TotalMilliseconds)))} ms; CPU used until the first command " +
                    $"{string.Join(", ", starts.Select(s => Format.Number(s.Cpu.TotalMilliseconds)))} ms",
        });
        return idle;
    }

    /// <summary>(1) and (4): the command path over HTTP at saturation and at a fixed rate, with the budget projection's lag.</summary>
    private async Task<double> CommandsAsync(string publish, string connectionString, LocalPostgresCluster cluster, CancellationToken cancellation)
    {
        await using var host = HostProcess.Start(publish, connectionString, LogPath("host-commands"));
        await FirstCommandAsync(host, cancellation);
        using var api = new FachwerkApi(host.Address);
        var world = await CommandWorld.SetUpAsync(api, applicants: 8, programmes: 4, cancellation);
        var floors = new PostgresFloors(connectionString);
        var caseNumber = 0;

        Log("warming up the command path");
        var cases = new CommandCase?[settings.Clients];
        Task<bool> Closed(int client, CancellationToken token)
        {
            if (cases[client] is not { Finished: false }) cases[client] = new CommandCase(world, Interlocked.Increment(ref caseNumber));
            return cases[client]!.NextAsync(token);
        }

        await ClosedLoop.RunAsync(settings.Clients, settings.Warmup, Closed, cancellation);

        Log($"floor: single-row insert commits with {settings.Clients} connections");
        var floorCpuBefore = CpuShares.Now(host.Id, cluster.DataDirectory);
        var floorCommits = await floors.InsertCommitsAsync(settings.Clients, settings.FloorDuration, cancellation);
        var floorCpu = CpuShares.Used(floorCpuBefore, CpuShares.Now(host.Id, cluster.DataDirectory));
        var commitFloor = floorCommits.PerSecond;
        Log($"commands with {settings.Clients} concurrent clients for {settings.ThroughputDuration.TotalSeconds} s");
        if (settings.Statements) await StatementProfile.ResetAsync(connectionString, cancellation);
        var commandCpuBefore = CpuShares.Now(host.Id, cluster.DataDirectory);
        var throughput = await ClosedLoop.RunAsync(settings.Clients, settings.ThroughputDuration, Closed, cancellation);
        var commandCpu = CpuShares.Used(commandCpuBefore, CpuShares.Now(host.Id, cluster.DataDirectory));
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
                        $"; CPU per command: {commandCpu.PerOperation(throughput.Completed)}; per floor commit: {floorCpu.PerOperation(floorCommits.Commits, withHost: false)}"),
        });
        EnsureFew(throughput.Failures, throughput.Completed, "the throughput phase");

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
            if (!idle.TryDequeue(out var next)) next = new CommandCase(world, Interlocked.Increment(ref caseNumber));
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

        return host.PeakResidentMegabytes ?? 0;
    }

    /// <summary>(2), (3), (5): a legacy history imported in bulk, its projections rebuilt, and the queries over it.</summary>
    private async Task<double> HistoryAsync(string publish, string connectionString, CancellationToken cancellation)
    {
        Log($"generating a legacy history of {settings.HistoryApplications} applications from the domain's decide functions");
        var generation = Stopwatch.StartNew();
        var history = LegacyHistory.Generate(settings.HistoryApplications, settings.HistoryProgrammes);
        var events = history.EventCount;
        Log($"{events} events in {history.Registry.Count + history.Applications.Count} streams, generated in {generation.Elapsed.TotalSeconds:F1} s");

        await using var store = await HistoryStore.OpenAsync(connectionString, cancellation);
        var floors = new PostgresFloors(connectionString);

        Log("floor: raw binary COPY of rows shaped and sized like ours");
        var sample = store.SerializedSample(history.Applications, 20_000);
        var copyFloor = await floors.CopyRowsPerSecondAsync(store.EventTable, sample, (int)events, cancellation);
        Log("bulk import through Marten");
        var (import, analysis) = await store.ImportAsync(history.Registry.Concat(history.Applications), eventsPerBatch: 100_000, cancellation);
        var imported = import + analysis;
        AddFigure(new Figure("2", "bulk import of a legacy history (Marten BulkInsertEventsAsync)", events / imported.TotalSeconds, "events/s", copyFloor,
            "raw binary COPY of as many rows of the same columns and payload sizes into a table indexed like mt_events", Target.RatioAtLeast(0.7))
        {
            FloorUnit = "rows/s",
            Notes = $"{events} events of {history.Applications.Count} applications, {history.AllianceIds.Count} alliances, {history.ProgrammeIds.Count} programmes " +
                    $"imported in {Format.Number(imported.TotalSeconds)} s (serialization, stream rows and sequence numbers included, and " +
                    $"{Format.Number(analysis.TotalSeconds)} s of analysing the event tables afterwards, as the import procedure says; generating the history not)",
        });

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
        // Every async projection is rebuilt before the history is served, as after any import: otherwise the dashboard host's
        // daemon would spend the dashboard phase catching up on a million events.
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
                 })
        {
            await rebuild(cancellation);
        }

        // As after any bulk load (docs/running.md): fresh statistics for the planner and a visibility map for index-only scans.
        Log("vacuum analyze after the import and the rebuilds");
        var vacuum = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellation);
            await using var command = new NpgsqlCommand("vacuum analyze", connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(cancellation);
        }

        _notes.Add($"5d-5g: after the import and the rebuilds the harness runs VACUUM ANALYZE, as the import procedure says ({Format.Number(vacuum.Elapsed.TotalSeconds)} s).");

        return await DashboardsAsync(publish, connectionString, store, floors, history, cancellation);
    }

    /// <summary>(5) As-of and timeline of a 200-event application stream, through the auditors' endpoints over HTTP.</summary>
    private async Task AsOfAndTimelineAsync(
        FachwerkApi api, string auditor, HistoryStore store, PostgresFloors floors, Guid streamId, CancellationToken cancellation)
    {
        Log("as-of and timeline of a 200-event application stream");
        var floor = await floors.QueryLatencyAsync($"select data from {store.EventTable} where stream_id = $1 order by version", _ => streamId,
            settings.QueryIterations, cancellation);
        DateTimeOffset first, last;
        await using (var session = store.Store.QuerySession())
        {
            var all = await session.Events.FetchStreamAsync(streamId, token: cancellation);
            if (all.Count != LegacyHistory.LongStreamEvents) throw new InvalidOperationException($"The long stream has {all.Count} events.");
            (first, last) = (all[0].Timestamp, all[^1].Timestamp);
        }

        var random = new Random(8);
        var state = $"/api/audit/streams/{streamId}/state";
        var byVersion = await MeasureGetAsync(api, auditor, () => $"{state}?version={random.Next(1, LegacyHistory.LongStreamEvents + 1)}", cancellation);
        var byMoment = await MeasureGetAsync(api, auditor,
            () => $"{state}?at={Uri.EscapeDataString((first + (last - first) * random.NextDouble()).ToString("O", CultureInfo.InvariantCulture))}", cancellation);
        var timeline = await MeasureGetAsync(api, auditor, () => $"/api/audit/streams/{streamId}/timeline", cancellation);

        const string how = "GET /api/audit/streams/{id}/state over HTTP with an auditor's token: the write model and the detail read model folded from the events up to then";
        const string floorText = "p99 of reading the stream's 200 event rows with plain SQL";
        AddFigure(new Figure("5a", "as-of query p99 at a version, 200-event stream", byVersion.P99, "ms", floor.P99, floorText, Target.AtMost(10))
        {
            Notes = $"p50 {Format.Number(byVersion.P50)} ms; {how}",
        });
        AddFigure(new Figure("5b", "as-of query p99 at a moment, 200-event stream", byMoment.P99, "ms", floor.P99, floorText, Target.AtMost(10))
        {
            Notes = $"p50 {Format.Number(byMoment.P50)} ms; {how}",
        });
        AddFigure(new Figure("5c", "timeline p99 (all 200 events with labels, who and when)", timeline.P99, "ms", floor.P99, floorText, null)
        {
            Notes = $"p50 {Format.Number(timeline.P50)} ms; GET /api/audit/streams/{{id}}/timeline over HTTP; the timeline has no target",
        });
    }

    private Task<LatencySummary> MeasureGetAsync(FachwerkApi api, string token, Func<string> url, CancellationToken cancellation) =>
        MeasureAsync(() => GetOkAsync(api, token, url(), cancellation));

    private static async Task GetOkAsync(FachwerkApi api, string token, string url, CancellationToken cancellation)
    {
        var status = await api.GetAsync(token, url, cancellation);
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url} answered {(int)status}.");
    }

    /// <summary>(5) The dashboard read models over HTTP with the whole history in the store.</summary>
    private async Task<double> DashboardsAsync(
        string publish, string connectionString, HistoryStore store, PostgresFloors floors, LegacyHistory history, CancellationToken cancellation)
    {
        await using var host = HostProcess.Start(publish, connectionString, LogPath("host-dashboards"));
        var (_, firstCommand, _) = await FirstCommandAsync(host, cancellation);
        _notes.Add($"6a: with the imported history in the store the host served its first command after {Format.Number(firstCommand.TotalMilliseconds)} ms.");
        using var api = new FachwerkApi(host.Address);
        var auditor = await api.TokenAsync(DemoUsers.Auditor.Id, cancellation: cancellation);
        var caseworker = await api.TokenAsync(DemoUsers.Caseworker.Id, cancellation: cancellation);
        var alliances = history.AllianceIds;
        var programmes = history.ProgrammeIds;
        var queries = new (string Key, string Name, Func<int, string> Url)[]
        {
            ("5d", "alliance pipeline", i => $"/api/alliances/{alliances[i % alliances.Count]}/pipeline"),
            ("5e", "programme budget", i => $"/api/programmes/{programmes[i % programmes.Count]}/budget"),
            ("5f", "caseworker inbox (first page)", _ => "/api/inbox?role=caseworker"),
            ("5g", "application list of a programme (first page)", i => $"/api/applications?programmeId={programmes[i % programmes.Count]}"),
        };
        var stream = history.LongStreamId;
        await WarmUpAsync(api,
        [
            (auditor, i => $"/api/audit/streams/{stream}/state?version={i % LegacyHistory.LongStreamEvents + 1}"),
            (auditor, _ => $"/api/audit/streams/{stream}/state?at={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture))}"),
            (auditor, _ => $"/api/audit/streams/{stream}/timeline"),
            .. queries.Select(q => (caseworker, q.Url)),
        ], cancellation);

        await AsOfAndTimelineAsync(api, auditor, store, floors, stream, cancellation);
        var summaryTable = ((IDocumentStore)store.Store).Options.Schema.For<ApplicationSummary>();
        var ids = await IdsAsync(connectionString, summaryTable, cancellation);
        var floor = await floors.QueryLatencyAsync($"select data from {summaryTable} where id = $1", i => ids[i % ids.Count], settings.QueryIterations, cancellation);

        foreach (var (key, name, url) in queries)
        {
            Log($"dashboard: {name}");
            var index = 0;
            var latency = await MeasureGetAsync(api, caseworker, () => url(index++), cancellation);
            AddFigure(new Figure(key, $"{name} p99 over HTTP, {Format.Number(settings.HistoryApplications)} applications", latency.P99, "ms", floor.P99,
                "p99 of one application summary by id with plain SQL", Target.AtMost(10))
            {
                Notes = $"p50 {Format.Number(latency.P50)} ms, max {Format.Number(latency.Max)} ms, {latency.Count} requests one after another",
            });
        }

        return host.PeakResidentMegabytes ?? 0;
    }

    /// <summary>
    /// Sends the queries in turn for <see cref="Settings.QueryWarmup"/> before any is measured. The host's hot paths are
    /// ReadyToRun code until tiered compilation has rejitted them, which on two shared cores takes thousands of requests:
    /// measured after only a hundred, the as-of query's first thousand were twice as slow as the next (docs/benchmarks.md).
    /// </summary>
    private async Task WarmUpAsync(FachwerkApi api, IReadOnlyList<(string Token, Func<int, string> Url)> queries, CancellationToken cancellation)
    {
        if (settings.QueryWarmup <= TimeSpan.Zero) return;
        Log($"warming the host up with the queries for {Format.Number(settings.QueryWarmup.TotalSeconds)} s");
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < settings.QueryWarmup; i++)
        {
            var (token, url) = queries[i % queries.Count];
            await GetOkAsync(api, token, url(i / queries.Count), cancellation);
        }

        _notes.Add($"5a-5g: measured after {Format.Number(settings.QueryWarmup.TotalSeconds)} s of warm-up with all of these queries in turn, " +
                   $"then {settings.QueryIterations / 10} requests of each before its {settings.QueryIterations}.");
    }

    /// <summary>Runs an operation <see cref="Settings.QueryIterations"/> times one after another (a tenth more to warm up).</summary>
    private async Task<LatencySummary> MeasureAsync(Func<Task> operation)
    {
        for (var i = 0; i < settings.QueryIterations / 10; i++) await operation();
        var latencies = new List<double>(settings.QueryIterations);
        for (var i = 0; i < settings.QueryIterations; i++)
        {
            var clock = Stopwatch.StartNew();
            await operation();
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        return LatencySummary.Of(latencies);
    }

    /// <summary>Waits until the host issues a token and accepts a command; answers when it listened, when it served, and its CPU time.</summary>
    private static async Task<(TimeSpan Ready, TimeSpan FirstCommand, TimeSpan Cpu)> FirstCommandAsync(HostProcess host, CancellationToken cancellation)
    {
        using var api = new FachwerkApi(host.Address);
        string? token = null;
        while (token is null)
        {
            if (host.HasExited) throw new InvalidOperationException("The host exited during start-up; see artifacts/benchmarks/logs.");
            if (host.SinceStart.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException("The host did not answer within three minutes.");
            try
            {
                token = await api.TokenAsync(DemoUsers.Caseworker.Id, cancellation: cancellation);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(10, cancellation);
            }
        }

        var ready = host.SinceStart.Elapsed;
        await api.CommandAsync<StreamCreated>(token, "/api/organisations",
            new RegisterOrganisation($"Kaltstart {Guid.NewGuid():N}"[..30], OrganisationKind.Association, "Magdeburg"), cancellation);
        return (ready, host.SinceStart.Elapsed, host.CpuTime ?? TimeSpan.Zero);
    }

    private static async Task<List<Guid>> IdsAsync(string connectionString, string table, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"select id from {table} limit 5000", connection);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation)) ids.Add(reader.GetGuid(0));
        return ids;
    }

    private static async Task<(string Version, string Settings)> PostgresInfoAsync(string connectionString, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(
            "select version(), current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes'), current_setting('shared_buffers')",
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        await reader.ReadAsync(cancellation);
        var version = reader.GetString(0).Split(" on ")[0];
        return (version, $"fsync={reader.GetString(1)}, synchronous_commit={reader.GetString(2)}, full_page_writes={reader.GetString(3)}, shared_buffers={reader.GetString(4)}");
    }

    /// <summary>A benchmark that counts refused commands as work measures nothing: more than 1 % failures stop the run.</summary>
    private static void EnsureFew(int failures, int total, string phase)
    {
        if (failures > Math.Max(1, total / 100))
            throw new InvalidOperationException($"{failures} of {total} commands failed in {phase} (last answer {CommandCase.LastFailure}); see artifacts/benchmarks/logs.");
    }

    private void AddFigure(Figure figure)
    {
        _figures.Add(figure);
        var verdict = figure.VerdictWhen(settings.TargetsEnforced);
        Log($"{figure.Key} {figure.Name}: {Format.WithUnit(figure.Value, figure.Unit)}" +
            (figure.Floor is { } floor ? $" (floor {Format.WithUnit(floor, figure.FloorUnit ?? figure.Unit)}, ratio {Format.Number(figure.Ratio ?? 0)})" : "") +
            $" {verdict}");
    }

    private string LogPath(string name, string extension = "log") => Path.Combine(_logFolder, $"{name}.{extension}");

    private void Log(string message) => Console.WriteLine($"[{_clock.Elapsed:mm\\:ss} {DateTime.UtcNow:HH\\:mm\\:ss}Z] {message}");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static long MemoryMegabytes()
    {
        if (!File.Exists("/proc/meminfo")) return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024 / 1024;
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
