using System.Text.Json;
using Fachwerk.Benchmarks;
using Fachwerk.Benchmarks.Measuring;
using Fachwerk.Benchmarks.Reporting;

namespace Fachwerk.IntegrationTests.Benchmarks;

/// <summary>The arithmetic and the report of the benchmark harness: what PASS and FAIL rest on.</summary>
public class BenchmarkReportTests
{
    [Fact]
    public void Percentiles_take_the_nearest_rank_of_unsorted_samples()
    {
        var samples = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToList();

        Percentiles.Of(samples, 50).ShouldBe(50);
        Percentiles.Of(samples, 99).ShouldBe(99);
        Percentiles.Of(samples, 100).ShouldBe(100);
        Percentiles.Of([7.5], 99).ShouldBe(7.5);
        // Nearest rank never interpolates: of 10 samples the p99 is the largest.
        Percentiles.Of([1, 2, 3, 4, 5, 6, 7, 8, 9, 1000], 99).ShouldBe(1000);
        Percentiles.Of([1, 2, 3, 4, 5, 6, 7, 8, 9, 1000], 90).ShouldBe(9);
    }

    [Fact]
    public void The_fixed_rate_timeline_sums_up_each_second_of_the_schedule_with_its_wall_clock_time()
    {
        var outcome = new OpenLoop.Outcome(0, 5, TimeSpan.FromSeconds(3), 0, new DateTimeOffset(2026, 11, 23, 16, 55, 59, TimeSpan.Zero),
            [(0.0, 8.0, "draft"), (0.5, 12.0, "submit"), (2.2, 3_000.0, "draft"), (2.7, 1_000.0, "submit"), (2.9, 2_000.0, "draft")]);

        outcome.TimelineCsv().ShouldBe(
        [
            "second,utc,due,p50_ms,p99_ms,max_ms",
            "0,16:55:59,2,8.0,12.0,12.0",
            "2,16:56:01,3,2000.0,3000.0,3000.0",
        ]);
    }

    [Fact]
    public void The_fixed_rate_latencies_are_summed_up_by_kind_and_the_tail_is_counted_by_kind()
    {
        var outcome = new OpenLoop.Outcome(0, 6, TimeSpan.FromSeconds(3), 0, DateTimeOffset.UnixEpoch,
            [(0.9, 30.0, "submit"), (0.1, 10.0, "draft"), (1.0, 900.0, "draft"), (1.5, 5.0, "submit"), (2.0, 20.0, "draft"), (2.5, 800.0, "submit")]);

        var byKind = outcome.ByKind();
        byKind.Select(k => k.Kind).ShouldBe(["draft", "submit"]);
        byKind[0].Latency.ShouldBe(new LatencySummary(3, 20, 900, 900, 310));
        byKind[1].Latency.ShouldBe(new LatencySummary(3, 30, 800, 800, 835.0 / 3));
        outcome.SlowByKind(800).ShouldBe(new Dictionary<string, int> { ["draft"] = 1, ["submit"] = 1 });
        outcome.SlowByKind(850).ShouldBe(new Dictionary<string, int> { ["draft"] = 1 });
    }

    [Fact]
    public void The_load_curve_runs_only_when_named_at_the_rates_given()
    {
        var settings = Settings.FromArguments(["--only", "load-curve", "--rates", "25,50.5,200", "--output", "/tmp/curve"]);

        settings.Runs("load-curve").ShouldBeTrue();
        settings.Runs("commands").ShouldBeFalse();
        settings.LoadCurveRates.ShouldBe([25, 50.5, 200]);
        Settings.FromArguments([]).Runs("load-curve").ShouldBeFalse();
        Settings.FromArguments([]).LoadCurveRates.ShouldBe([25, 50, 100, 150, 200]);
    }

    [Fact]
    public void Percentiles_of_nothing_or_out_of_range_are_refused()
    {
        Should.Throw<ArgumentException>(() => Percentiles.Of([], 50));
        Should.Throw<ArgumentOutOfRangeException>(() => Percentiles.Of([1.0], 0));
        Should.Throw<ArgumentOutOfRangeException>(() => Percentiles.Of([1.0], 101));
    }

    [Fact]
    public void A_latency_summary_names_median_p99_max_and_mean()
    {
        var summary = LatencySummary.Of([4, 1, 3, 2, 10]);

        summary.ShouldBe(new LatencySummary(5, 3, 10, 10, 4));
    }

    [Fact]
    public void Ratio_targets_compare_the_figure_with_its_floor()
    {
        var commands = new Figure("1a", "throughput", 500, "commands/s", 2000, "insert commits", Target.RatioAtLeast(0.25));
        var slower = commands with { Value = 499 };
        var noFloor = commands with { Floor = null };

        commands.Ratio.ShouldBe(0.25);
        commands.VerdictWhen(targetsEnforced: true).ShouldBe(Verdict.Pass);
        slower.VerdictWhen(targetsEnforced: true).ShouldBe(Verdict.Fail);
        noFloor.Ratio.ShouldBeNull();
        noFloor.VerdictWhen(targetsEnforced: true).ShouldBe(Verdict.Fail);
    }

    [Fact]
    public void Value_targets_hold_at_the_threshold_and_fail_beyond_it()
    {
        var latency = new Figure("1c", "p99", 25, "ms", 3, "insert p99", Target.AtMost(25));
        var rebuild = new Figure("3a", "rebuild", 19_999, "events/s", 100_000, "read", Target.AtLeast(20_000));

        latency.VerdictWhen(true).ShouldBe(Verdict.Pass);
        (latency with { Value = 25.01 }).VerdictWhen(true).ShouldBe(Verdict.Fail);
        rebuild.VerdictWhen(true).ShouldBe(Verdict.Fail);
        (rebuild with { Value = 20_000 }).VerdictWhen(true).ShouldBe(Verdict.Pass);
    }

    [Fact]
    public void Quick_mode_enforces_no_target_and_figures_without_a_target_are_marked_so()
    {
        var failing = new Figure("1c", "p99", 900, "ms", 3, "insert p99", Target.AtMost(25));
        var informational = new Figure("5c", "timeline", 900, "ms", 3, "read", null);

        failing.VerdictWhen(targetsEnforced: false).ShouldBe(Verdict.NotEnforced);
        informational.VerdictWhen(targetsEnforced: true).ShouldBe(Verdict.NoTarget);
    }

    [Fact]
    public void The_markdown_table_shows_value_floor_ratio_target_and_result()
    {
        var markdown = ReportWriter.Markdown(Run(targetsEnforced: true));

        markdown.ShouldContain("| 1a | command throughput | 600 commands/s | 2,000 commits/s: insert commits | 0.3 | ≥ 0.25 × floor | **PASS** |");
        markdown.ShouldContain("| 1c | latency p99 | 40 ms | 3 ms: insert p99 | 13.3 | ≤ 25 ms | **FAIL** |");
        markdown.ShouldContain("1 of 2 targets met");
        markdown.ShouldContain("2 cores");
        markdown.ShouldContain("- 1c: slow disk");
    }

    [Fact]
    public void The_json_carries_every_figure_with_its_ratio_and_result()
    {
        using var json = JsonDocument.Parse(ReportWriter.JsonOf(Run(targetsEnforced: true)));
        var figures = json.RootElement.GetProperty("figures");

        figures.GetArrayLength().ShouldBe(2);
        figures[0].GetProperty("ratio").GetDouble().ShouldBe(0.3);
        figures[0].GetProperty("result").GetString().ShouldBe("Pass");
        figures[0].GetProperty("floorUnit").GetString().ShouldBe("commits/s");
        figures[1].GetProperty("result").GetString().ShouldBe("Fail");
        figures[1].GetProperty("target").GetProperty("text").GetString().ShouldBe("≤ 25 ms");
        json.RootElement.GetProperty("summary").GetProperty("failed").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void Results_replace_the_marked_block_and_keep_the_hand_written_analysis()
    {
        var document = $"# Benchmarks\n\nHow to run.\n\n{ReportWriter.BeginMarker}\nold table\n{ReportWriter.EndMarker}\n\n## What limits it\n\nThe disk.\n";

        var merged = ReportWriter.Merge(document, "new table");

        merged.ShouldBe($"# Benchmarks\n\nHow to run.\n\n{ReportWriter.BeginMarker}\nnew table\n{ReportWriter.EndMarker}\n## What limits it\n\nThe disk.\n");
        ReportWriter.Merge(merged, "newer table").ShouldContain("newer table");
        ReportWriter.Merge(merged, "newer table").ShouldNotContain("new table\n");
    }

    [Fact]
    public void Results_go_into_a_new_document_or_after_one_without_markers()
    {
        ReportWriter.Merge(null, "table").ShouldStartWith("# Benchmarks");
        ReportWriter.Merge(null, "table").ShouldContain($"{ReportWriter.BeginMarker}\ntable\n{ReportWriter.EndMarker}");
        ReportWriter.Merge("# Notes\n", "table").ShouldBe($"# Notes\n\n{ReportWriter.BeginMarker}\ntable\n{ReportWriter.EndMarker}\n");
    }

    private static BenchmarkRun Run(bool targetsEnforced) => new("full", targetsEnforced, new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero),
        TimeSpan.FromMinutes(9), new MachineInfo(2, 24_000, "Linux", "10.0", "PostgreSQL 15", "fsync=on", "1.0", "2.0"),
        [
            new Figure("1a", "command throughput", 600, "commands/s", 2000, "insert commits", Target.RatioAtLeast(0.25)) { FloorUnit = "commits/s" },
            new Figure("1c", "latency p99", 40, "ms", 3, "insert p99", Target.AtMost(25), "slow disk"),
        ], []);
}
