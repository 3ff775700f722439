using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Benchmarks.Hosting;
using Fachwerk.Benchmarks.Measuring;
using Fachwerk.Benchmarks.Postgres;
using Fachwerk.Benchmarks.Reporting;
using Fachwerk.Benchmarks.Workload;
using Fachwerk.Domain.Organisations;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.LocalPostgres;
using Npgsql;

namespace Fachwerk.Benchmarks;

/// <summary>
/// Runs every phase of the benchmark (docs/benchmarks.md) in one go against one throwaway PostgreSQL cluster with default durability, measuring each
/// figure right after its PostgreSQL floor on the same database: (1) commands over HTTP, (2) bulk import, (3) projection
/// rebuilds, (4) async projection lag, (5) as-of, timeline and dashboard queries and the web pages on them, (6) cold start and host memory.
/// This file runs the phases in order and holds what they share; each phase is in a file of its own (Harness.ColdStart.cs,
/// Harness.Throughput.cs, Harness.FixedRate.cs with the projection lag, Harness.Import.cs, Harness.Rebuilds.cs,
/// Harness.Dashboards.cs, Harness.AsOf.cs).
/// </summary>
public sealed partial class Harness(Settings settings)
{
    private const string CommandsDatabase = LocalPostgresCluster.DatabaseName;
    private const string HistoryDatabase = "fachwerk_history";

    private readonly List<Figure> _figures = [];
    private readonly List<string> _notes = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly string _logFolder = Repository.PathOf("artifacts", "benchmarks", "logs");
    private int _caseNumber;

    public async Task<BenchmarkRun> RunAsync(CancellationToken cancellation)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = LoadAverage();
        Log($"{settings.Mode} run; results go to {settings.OutputFolder}");

        var cluster = LocalPostgresCluster.DurableThrowaway();
        if (settings.Statements || settings.Runs("transactions")) foreach (var setting in StatementProfile.ServerSettings) cluster.ServerSettings.Add(setting);
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
            if (settings.Runs("recovery")) await RecoveryAsync(publish, commands, cancellation);
            if (settings.Runs("failover")) await FailoverAsync(publish, commands, cancellation);
            if (settings.Runs("transactions")) await TransactionsAsync(publish, commands, cancellation);
            if (settings.Runs("load-curve")) await LoadCurveAsync(publish, commands, cluster, cancellation);
            if (settings.Runs("commands") && settings.Runs("history")) AddFigure(new Figure("6b", "peak memory of the host under load (VmHWM)", Math.Max(commandHostPeak, historyHostPeak), "MB",
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

    /// <summary>(1) and (4): the command path over HTTP at saturation and at a fixed rate, with the budget projection's lag.</summary>
    private async Task<double> CommandsAsync(string publish, string connectionString, LocalPostgresCluster cluster, CancellationToken cancellation)
    {
        await using var host = HostProcess.Start(publish, connectionString, LogPath("host-commands"));
        await FirstCommandAsync(host, cancellation);
        using var api = new FachwerkApi(host.Address);
        var world = await CommandWorld.SetUpAsync(api, applicants: CommandWorld.ApplicantPeople.Count, programmes: 4, cancellation);
        var floors = new PostgresFloors(connectionString);
        await ThroughputAsync(host, world, floors, connectionString, cluster, cancellation);
        await FixedRateAsync(host, world, floors, connectionString, cluster, cancellation);
        return host.PeakResidentMegabytes ?? 0;
    }

    /// <summary>The next application the command phase moves through the workflow (numbered across the whole phase).</summary>
    private CommandCase NewCase(CommandWorld world) => new(world, Interlocked.Increment(ref _caseNumber));

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

        await ImportAsync(store, floors, history, events, cancellation);
        await RebuildAsync(store, floors, events, cancellation);

        // As after any bulk load (docs/running.md): fresh statistics for the planner and a visibility map for index-only scans.
        Log("vacuum analyze after the import and the rebuilds");
        var vacuum = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancellation);
            await using var command = new NpgsqlCommand("vacuum analyze", connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(cancellation);
        }

        _notes.Add($"5d onwards: after the import and the rebuilds the harness runs VACUUM ANALYZE, as the import procedure says ({Format.Number(vacuum.Elapsed.TotalSeconds)} s).");

        return await DashboardsAsync(publish, connectionString, store, floors, history, cancellation);
    }

    private Task<LatencySummary> MeasureGetAsync(FachwerkApi api, string token, Func<string> url, CancellationToken cancellation) =>
        MeasureAsync(() => GetOkAsync(api, token, url(), cancellation));

    private static async Task GetOkAsync(FachwerkApi api, string token, string url, CancellationToken cancellation)
    {
        var status = await api.GetAsync(token, url, cancellation);
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url} answered {(int)status}.");
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
            catch (Fachwerk.Web.Api.ApiProblemException e) when (e.Problem.Code == Fachwerk.Web.Api.ApiProblem.UnreachableCode)
            {
                await Task.Delay(10, cancellation);
            }
        }

        var ready = host.SinceStart.Elapsed;
        await api.CommandAsync<StreamCreated>(token, "/api/organisations",
            new RegisterOrganisation($"Kaltstart {Guid.NewGuid():N}"[..30], OrganisationKind.Association, "Magdeburg"), cancellation);
        return (ready, host.SinceStart.Elapsed, host.CpuTime ?? TimeSpan.Zero);
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
