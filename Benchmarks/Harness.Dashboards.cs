using System.Diagnostics;
using System.Globalization;
using System.Net;
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
    /// <summary>(5) The dashboard read models over HTTP, and the web UI's pages built on them, with the whole history in the store.</summary>
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
        var pilot = await BenchmarkPilot.LaunchAsync(api, settings.TargetsEnforced ? 10 : 1, cancellation);
        var pages = WebPages.Of(new PageSubjects(programmes, alliances, stream, ids, pilot));
        var sessions = await SignInAsync(host, pages, cancellation);
        await WarmUpAsync(
        [
            i => GetOkAsync(api, auditor, $"/api/audit/streams/{stream}/state?version={i % LegacyHistory.LongStreamEvents + 1}", cancellation),
            _ => GetOkAsync(api, auditor, $"/api/audit/streams/{stream}/state?at={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture))}", cancellation),
            _ => GetOkAsync(api, auditor, $"/api/audit/streams/{stream}/timeline", cancellation),
            .. queries.Select(q => (Func<int, Task>)(i => GetOkAsync(api, caseworker, q.Url(i), cancellation))),
            .. pages.Select(p => (Func<int, Task>)(i => GetPageOkAsync(sessions[p.Reader.Id], p.Url(i), cancellation))),
        ], $"5a-{pages[^1].Key}", cancellation);

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

        // The web UI's pages (issue 20): rendered on the server from the same API reads, each with the reader's cookie session.
        foreach (var page in pages)
        {
            Log($"web page: {page.Name}");
            var index = 0;
            var session = sessions[page.Reader.Id];
            var latency = await MeasureAsync(() => GetPageOkAsync(session, page.Url(index++), cancellation));
            AddFigure(new Figure(page.Key, $"{page.Name} p99 over HTTP, {Format.Number(settings.HistoryApplications)} applications", latency.P99, "ms", floor.P99,
                "p99 of one application summary by id with plain SQL", Target.AtMost(WebPages.TargetMilliseconds))
            {
                Notes = $"p50 {Format.Number(latency.P50)} ms, max {Format.Number(latency.Max)} ms, {latency.Count} requests one after another; " +
                        $"GET {page.Url(0)} (and alike) signed in as {page.Reader.Id}, the whole HTML page read by the harness",
            });
        }

        foreach (var session in sessions.Values) session.Dispose();
        return host.PeakResidentMegabytes ?? 0;
    }

    /// <summary>
    /// Signs each page's reader in to the web UI once (cookie sessions through the development provider) and checks each page
    /// once: it answers 200 and shows its data, not a load problem.
    /// </summary>
    private async Task<Dictionary<string, WebSession>> SignInAsync(HostProcess host, IReadOnlyList<WebPage> pages, CancellationToken cancellation)
    {
        var sessions = new Dictionary<string, WebSession>();
        foreach (var page in pages)
        {
            if (!sessions.TryGetValue(page.Reader.Id, out var session))
                sessions[page.Reader.Id] = session = await WebSession.SignInAsync(host.Address, page.Reader.Id, page.Url(0), cancellation);
            var (status, html) = await session.GetTextAsync(page.Url(0), cancellation);
            if (status != HttpStatusCode.OK || !html.Contains($"id=\"{page.Shows}\"", StringComparison.Ordinal) || html.Contains("message--error", StringComparison.Ordinal))
            {
                await File.WriteAllTextAsync(LogPath($"page-{page.Key}", "html"), html, cancellation);
                throw new InvalidOperationException($"The page {page.Url(0)} answered {(int)status} without its data (#{page.Shows}) or with a problem; " +
                                                    $"the HTML is in artifacts/benchmarks/logs/page-{page.Key}.html.");
            }
        }

        return sessions;
    }

    private static async Task GetPageOkAsync(WebSession session, string url, CancellationToken cancellation)
    {
        var status = await session.GetAsync(url, cancellation);
        if (status != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url} (a page) answered {(int)status}.");
    }

    /// <summary>
    /// Sends the queries in turn for <see cref="Settings.QueryWarmup"/> before any is measured. The host's hot paths are
    /// ReadyToRun code until tiered compilation has rejitted them, which on two shared cores takes thousands of requests:
    /// measured after only a hundred, the as-of query's first thousand were twice as slow as the next (docs/benchmarks.md).
    /// </summary>
    private async Task WarmUpAsync(IReadOnlyList<Func<int, Task>> queries, string keys, CancellationToken cancellation)
    {
        if (settings.QueryWarmup <= TimeSpan.Zero) return;
        Log($"warming the host up with the queries for {Format.Number(settings.QueryWarmup.TotalSeconds)} s");
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < settings.QueryWarmup; i++) await queries[i % queries.Count](i / queries.Count);

        _notes.Add($"{keys}: measured after {Format.Number(settings.QueryWarmup.TotalSeconds)} s of warm-up with all of these queries and pages in turn, " +
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
