using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Alba;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Programmes;
using Fachwerk.Host;
using Fachwerk.IntegrationTests.Applications;
using Fachwerk.IntegrationTests.Infrastructure;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// Telemetry (ADR 0083): /metrics for Prometheus with the service's own figures and ASP.NET Core's, commands counted by kind as
/// accepted or refused, one trace from the HTTP request through the handlers to the database, and the trace id in the logs.
/// </summary>
public class TelemetryTests(AppFixture fixture) : ApplicationApi(fixture)
{
    private const string Accepted = "fachwerk_commands_accepted_total";
    private const string Refused = "fachwerk_commands_refused_total";

    [Fact]
    public async Task Metrics_are_served_without_a_token_in_the_prometheus_format_with_the_services_figures_and_the_http_server_metrics()
    {
        var programme = await LaunchProgramme();
        var (application, version) = await Proposed(programme);
        await ConfirmAndWait(application, version);
        await CatchUpProjections();

        var result = await Host.Scenario(s =>
        {
            s.Get.Url(Telemetry.MetricsPath);
            s.StatusCodeShouldBeOk();
        });

        result.Context.Response.ContentType.ShouldStartWith("text/plain");
        var metrics = PrometheusText.Parse(await result.ReadAsTextAsync());
        Show("metrics.txt", metrics.Text);
        metrics.Text.ShouldContain($"# TYPE {Accepted} counter");
        metrics.Value(Accepted, ("command", nameof(LaunchProgramme))).ShouldBeGreaterThanOrEqualTo(1);
        metrics.Value(Accepted, ("command", nameof(ConfirmDecision))).ShouldBeGreaterThanOrEqualTo(1);
        // The gauges read the store as it is now: this test's one application, approved, and its commitment.
        metrics.Of("fachwerk_applications").Values.Sum().ShouldBe(1);
        metrics.Value("fachwerk_applications", ("status", "Approved")).ShouldBe(1);
        metrics.Of("fachwerk_budget_committed_EUR").Values.ShouldBe([40_000]);
        metrics.Of("fachwerk_projection_lag").ShouldNotBeEmpty();
        metrics.Of("fachwerk_projection_lag").Values.ShouldAllBe(lag => lag == 0);
        metrics.Of("fachwerk_projection_lag", ("projection", "ProgrammeBudget:All")).ShouldHaveSingleItem().Value.ShouldBe(0);
        metrics.Of("fachwerk_projection_lag").Keys.ShouldAllBe(series => !series.Contains("HighWater", StringComparison.Ordinal));
        metrics.Of("fachwerk_outbox_messages").Count.ShouldBe(1);
        metrics.Of("fachwerk_dead_letters").Values.ShouldBe([0]);
        metrics.Of("fachwerk_notifications_pending").Count.ShouldBe(1);
        // The libraries' own: Npgsql's pool (without the connection string as its name). Wolverine's and Marten's meters are
        // listened to as well, but by a name every host in this test process shares: when another test's host stops, its
        // meter's end also ends the series here, so their presence is not asserted in the shared suite (nor ASP.NET Core's request
        // metrics, whose meter is named alike in every host as well).
        metrics.Of("db_client_connection_count").ShouldNotBeEmpty();
        metrics.Text.ShouldNotContain("Host=");
    }

    [Fact]
    public async Task A_refused_command_counts_as_refused_for_its_kind_and_changes_nothing_else()
    {
        await LaunchProgramme();
        var events = await EventCount();
        var before = await Scrape();

        await Post(Caseworker, "/api/programmes", new LaunchProgramme("", [new FundingSource("ESF+", 1m)], Esf, 1_000m, Rules()), 400);

        var after = await Scrape();
        var refused = after.Of(Refused, ("command", nameof(LaunchProgramme)), ("status", "400")).ShouldHaveSingleItem();
        var changed = CommandCounts(after).Where(s => CommandCounts(before).GetValueOrDefault(s.Key) != s.Value).ShouldHaveSingleItem();
        changed.Key.ShouldBe(refused.Key);
        changed.Value.ShouldBe(before.Value(Refused, ("command", nameof(LaunchProgramme)), ("status", "400")) + 1);
        (await EventCount()).ShouldBe(events);
    }

    [Fact]
    public async Task Every_accepted_command_counts_once_for_its_kind()
    {
        var programme = await LaunchProgramme();
        var before = await Scrape();

        var first = await Draft(programme);
        await Draft(programme);
        await Act(Applicant, first, "submission", new SubmitApplication(1));

        var after = await Scrape();
        (after.Value(Accepted, ("command", nameof(DraftApplication))) - before.Value(Accepted, ("command", nameof(DraftApplication)))).ShouldBe(2);
        (after.Value(Accepted, ("command", nameof(SubmitApplication))) - before.Value(Accepted, ("command", nameof(SubmitApplication)))).ShouldBe(1);
        after.Of(Refused, ("command", nameof(DraftApplication))).ShouldBe(before.Of(Refused, ("command", nameof(DraftApplication))));
    }

    [Fact]
    public async Task One_trace_follows_a_command_from_the_request_through_the_handlers_to_the_database()
    {
        var programme = await LaunchProgramme();
        var (application, version) = await Proposed(programme);
        var (traceparent, traceId) = TraceSink.NewTrace();

        // The confirmation starts the budget workflow (ADR 0010): its messages carry the trace on.
        await Host.ExecuteAndWaitAsync(async () =>
            await Post(Approver, $"/api/applications/{application}/decision-confirmation", new ConfirmDecision(version),
                configure: s => s.WithRequestHeader("traceparent", traceparent)), 60_000);

        var spans = Traces.Of(traceId);
        Show("trace.txt", Tree(spans));
        spans.ShouldContain(s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server);
        spans.ShouldContain(s => s.Source.Name == "Wolverine");
        // The database's spans under the request's and under the budget step's (Marten's connection spans are off, ADR 0132).
        var byId = spans.ToDictionary(s => s.SpanId);
        var database = spans.Where(s => s.Source.Name == "Npgsql").ToList();
        database.ShouldContain(s => byId.ContainsKey(s.ParentSpanId) && byId[s.ParentSpanId].Source.Name == "Microsoft.AspNetCore");
        database.ShouldContain(s => byId.ContainsKey(s.ParentSpanId) && byId[s.ParentSpanId].DisplayName.EndsWith(".CommitFunds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_line_logged_during_a_request_carries_the_requests_trace_id()
    {
        var (traceparent, traceId) = TraceSink.NewTrace();

        // An applicant may not launch a programme: the refusal is logged (SecurityLog) inside the request.
        var refused = await Post(Applicant, "/api/programmes", new LaunchProgramme("Kreis", [new FundingSource("ESF+", 1m)], Esf, 1_000m, Rules()), 403,
            s => s.WithRequestHeader("traceparent", traceparent));

        Logs.Entries.Where(e => e.Scope?.GetValueOrDefault("TraceId") == traceId.ToHexString())
            .ShouldContain(e => e.Message.StartsWith("Authorization denied", StringComparison.Ordinal));
        // The id a client quotes from the answer is the one its log lines and its trace carry.
        (await refused.ReadAsJsonAsync<JsonElement>()).GetProperty("traceId").GetString().ShouldBe(traceId.ToHexString());
    }

    [Fact]
    public async Task A_problem_answer_without_a_traceparent_names_the_trace_id_its_log_lines_carry()
    {
        var refused = await Post(Applicant, "/api/programmes", new LaunchProgramme("Kreis", [new FundingSource("ESF+", 1m)], Esf, 1_000m, Rules()), 403);

        var traceId = (await refused.ReadAsJsonAsync<JsonElement>()).GetProperty("traceId").GetString();
        traceId.ShouldNotBeNull().ShouldMatch("^[0-9a-f]{32}$");
        Logs.Entries.Where(e => e.Scope?.GetValueOrDefault("TraceId") == traceId)
            .ShouldContain(e => e.Message.StartsWith("Authorization denied", StringComparison.Ordinal));
    }

    /// <summary>Writes what a test saw into the folder FACHWERK_TELEMETRY names (for docs/running.md), and to the test's output.</summary>
    private static void Show(string file, string text)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        if (Environment.GetEnvironmentVariable("FACHWERK_TELEMETRY") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, file), text);
        }
    }

    private async Task<PrometheusText> Scrape() =>
        PrometheusText.Parse(await (await Host.Scenario(s => s.Get.Url(Telemetry.MetricsPath))).ReadAsTextAsync());

    private static Dictionary<string, double> CommandCounts(PrometheusText metrics) =>
        metrics.Series.Where(s => s.Key.StartsWith("fachwerk_commands_", StringComparison.Ordinal)).ToDictionary();

    /// <summary>The spans as an indented tree, parents first (docs/running.md shows one).</summary>
    private static string Tree(IReadOnlyList<Activity> spans)
    {
        var text = new StringBuilder();
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        void Write(Activity span, int depth)
        {
            text.Append(' ', depth * 2).Append(span.Source.Name).Append(": ").Append(span.DisplayName)
                .Append(" (").Append(span.Kind).Append(", ").Append(span.Duration.TotalMilliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))
                .AppendLine(" ms)");
            foreach (var child in spans.Where(c => c.ParentSpanId == span.SpanId).OrderBy(c => c.StartTimeUtc)) Write(child, depth + 1);
        }

        foreach (var root in spans.Where(s => !ids.Contains(s.ParentSpanId)).OrderBy(s => s.StartTimeUtc)) Write(root, 0);
        return text.ToString();
    }
}
