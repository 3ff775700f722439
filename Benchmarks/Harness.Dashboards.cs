using System.Diagnostics;
using System.Globalization;
using Fachwerk.Application.Applications;
using Fachwerk.Benchmarks.Hosting;
using Fachwerk.Benchmarks.Postgres;
using Fachwerk.Benchmarks.Reporting;
using Fachwerk.Benchmarks.Workload;
using Fachwerk.Host.Development;
using Marten;
using Npgsql;

namespace Fachwerk.Benchmarks;

public sealed partial class Harness
{
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
        var summaryTable = ((IDocumentStore)store.Store).Options.Schema.For<ApplicationSummary>();
        var ids = await IdsAsync(connectionString, summaryTable, cancellation);
        var applications = settings.HistoryApplications;
        var queries = new (string Key, string Name, Func<int, string> Url, double Target)[]
        {
            ("5d", "alliance pipeline", i => $"/api/alliances/{alliances[i % alliances.Count]}/pipeline", 10),
            ("5e", "programme budget", i => $"/api/programmes/{programmes[i % programmes.Count]}/budget", 10),
            ("5f", "caseworker inbox (first page)", _ => "/api/inbox?role=caseworker", 10),
            ("5g", "application list of a programme (first page)", i => $"/api/applications?programmeId={programmes[i % programmes.Count]}", 10),
            // The desk and the list page of the web UI (issue 17: p99 at most 50 ms each): the team's queues, my tasks, a search
            // in German for one application's title (every title has "Region", one has the number) and the application page's reads.
            ("5h", "team's queues of the desk", _ => "/api/inbox/queues", 50),
            ("5i", "my tasks on the desk (first page)", _ => "/api/inbox?assignedTo=me", 50),
            ("5j", "application list with a full-text search (first page)", i => $"/api/applications?q=Region+{i * 7_919 % applications}", 50),
            ("5k", "application page: the application", i => $"/api/applications/{ids[i % ids.Count]}", 50),
            ("5l", "application page: the case's history", i => $"/api/applications/{ids[i % ids.Count]}/history", 50),
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
        var floor = await floors.QueryLatencyAsync($"select data from {summaryTable} where id = $1", i => ids[i % ids.Count], settings.QueryIterations, cancellation);

        foreach (var (key, name, url, target) in queries)
        {
            Log($"dashboard: {name}");
            var index = 0;
            var latency = await MeasureGetAsync(api, caseworker, () => url(index++), cancellation);
            AddFigure(new Figure(key, $"{name} p99 over HTTP, {Format.Number(settings.HistoryApplications)} applications", latency.P99, "ms", floor.P99,
                "p99 of one application summary by id with plain SQL", Target.AtMost(target))
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

        _notes.Add($"5a-5l: measured after {Format.Number(settings.QueryWarmup.TotalSeconds)} s of warm-up with all of these queries in turn, " +
                   $"then {settings.QueryIterations / 10} requests of each before its {settings.QueryIterations}.");
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
}
