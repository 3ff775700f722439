using Fachwerk.Host.Development;
using Fachwerk.Web.Audit;
using Fachwerk.Web.Dashboards;

namespace Fachwerk.Benchmarks.Workload;

/// <summary>The imported history's ids the measured pages show, and the pilot launched beside it (<see cref="BenchmarkPilot"/>).</summary>
public sealed record PageSubjects(IReadOnlyList<Guid> Programmes, IReadOnlyList<Guid> Alliances, Guid LongStream, IReadOnlyList<Guid> Applications, Guid Pilot);

/// <summary>
/// A server-rendered page of the web UI the harness measures: its figure's key and name, the demo user who reads it (signed in
/// with a cookie session), its address for the i-th request, and an element id only the page with its data loaded renders
/// (checked once before measuring, so a page that shows a load problem is not measured as a fast page).
/// </summary>
public sealed record WebPage(string Key, string Name, DemoUser Reader, Func<int, string> Url, string Shows);

/// <summary>The web pages measured over the imported history (issue 20: p99 at most 50 ms each). A page added later is one line here.</summary>
public static class WebPages
{
    /// <summary>The target for every page: p99 of the server's answer at most this many milliseconds.</summary>
    public const double TargetMilliseconds = 50;

    public static IReadOnlyList<WebPage> Of(PageSubjects subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var (programmes, alliances, stream, applications, pilot) = (subjects.Programmes, subjects.Alliances, subjects.LongStream, subjects.Applications, subjects.Pilot);
        return
        [
            new("5m", "dashboards page (the programmes' budget dashboards)", DemoUsers.DashboardReader, _ => "/dashboards", "budgets-heading"),
            new("5n", "programme budget dashboard page", DemoUsers.DashboardReader, i => ProgrammeBudgetTables.PagePath(programmes[i % programmes.Count]), "figures-chart-title"),
            // The imported history has no network records: the page shows its sections without charts (no years).
            new("5o", "alliance network dashboard page", DemoUsers.DashboardReader, i => $"/network-dashboards/alliances/{alliances[i % alliances.Count]}", "held-heading"),
            new("5p", "auditor's as-of page of the 200-event stream at a version", DemoUsers.Auditor,
                i => AuditPaths.AsOf(stream, i % LegacyHistory.LongStreamEvents + 1), "as-of-banner"),
            new("5q", "auditor's as-of page of an application as it stands", DemoUsers.Auditor, i => AuditPaths.AsOfNow(applications[i % applications.Count]), "as-of-banner"),
            // Its reads: the pipeline by status and programme and the pipeline per month, each grouped in SQL over the alliance's summaries.
            new("5r", "alliance pipeline dashboard page", DemoUsers.DashboardReader, i => $"/dashboards/alliances/{alliances[i % alliances.Count]}", "months-heading"),
            // A year of months, with the stable-demand indicator worked out on the page's read.
            new("5s", "pilot demand dashboard page", DemoUsers.DashboardReader, _ => PilotDemandTables.PagePath(pilot), "months-chart-title"),
            // Its regions read beside the budget: the alliance's regions summed, and every region for the choices.
            new("5t", "programme budget dashboard page for one alliance", DemoUsers.DashboardReader,
                i => $"{ProgrammeBudgetTables.PagePath(programmes[i % programmes.Count])}?allianceId={alliances[i % alliances.Count]}", "region-figures-heading"),
        ];
    }
}
