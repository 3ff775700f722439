using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fachwerk.Benchmarks.Reporting;

/// <summary>
/// Writes a run as a Markdown table (into docs/benchmarks.md, between markers, so the hand-written analysis around it
/// stays) and as JSON for machines.
/// </summary>
public static class ReportWriter
{
    public const string BeginMarker = "<!-- benchmark-results:begin (written by the harness; edit outside these markers) -->";
    public const string EndMarker = "<!-- benchmark-results:end -->";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Markdown(BenchmarkRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var md = new StringBuilder();
        var verdict = run.TargetsEnforced
            ? $"{run.Passed} of {run.WithTargets} targets met."
            : "targets not enforced (quick mode measures too little).";
        md.AppendLine(CultureInfo.InvariantCulture, $"Run of {run.StartedAt:yyyy-MM-dd HH:mm} UTC, {run.Mode} mode, {Format.Number(run.Duration.TotalMinutes)} minutes; {verdict}");
        md.AppendLine();
        var m = run.Machine;
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Machine: {m.Cores} cores, {Format.Number(m.MemoryMegabytes)} MB memory, {m.OperatingSystem}, .NET {m.DotNet}; {m.PostgreSql} ({m.PostgreSqlSettings}); load average at start {m.LoadAverageAtStart}, at end {m.LoadAverageAtEnd}.");
        md.AppendLine();
        md.AppendLine("| # | figure | value | floor (PostgreSQL, same run) | ratio | target | result |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var f in run.Figures)
        {
            var floor = f.Floor is { } value ? $"{Format.WithUnit(value, FloorUnit(f))}: {f.FloorDescription}" : f.FloorDescription;
            var ratio = f.Ratio is { } r ? Format.Number(r) : "–";
            var target = f.Target?.Describe(f.Unit) ?? "–";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {f.Key} | {f.Name} | {Format.WithUnit(f.Value, f.Unit)} | {floor} | {ratio} | {target} | {Verdict(f.VerdictWhen(run.TargetsEnforced))} |");
        }

        var notes = run.Figures.Where(f => f.Notes.Length > 0).Select(f => $"{f.Key}: {f.Notes}").Concat(run.Notes).ToList();
        if (notes.Count > 0)
        {
            md.AppendLine();
            foreach (var note in notes) md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }

        return md.ToString();
    }

    public static string JsonOf(BenchmarkRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var figures = run.Figures.Select(f => new
        {
            f.Key,
            f.Name,
            f.Value,
            f.Unit,
            f.Floor,
            FloorUnit = FloorUnit(f),
            f.FloorDescription,
            f.Ratio,
            Target = f.Target is null ? null : new { f.Target.On, f.Target.Is, f.Target.Threshold, Text = f.Target.Describe(f.Unit) },
            Result = f.VerdictWhen(run.TargetsEnforced),
            f.Notes,
        });
        return JsonSerializer.Serialize(new
        {
            run.Mode,
            run.TargetsEnforced,
            run.StartedAt,
            DurationSeconds = Math.Round(run.Duration.TotalSeconds, 1),
            run.Machine,
            Summary = new { run.WithTargets, run.Passed, run.Failed },
            Figures = figures,
            run.Notes,
        }, Json);
    }

    /// <summary>
    /// Puts the results between the markers of an existing document, keeping everything around them; a document without
    /// markers gets them appended (a missing one is created with a heading).
    /// </summary>
    public static string Merge(string? existingDocument, string results)
    {
        var block = $"{BeginMarker}\n{results.TrimEnd()}\n{EndMarker}\n";
        if (string.IsNullOrWhiteSpace(existingDocument)) return $"# Benchmarks\n\n{block}";

        var begin = existingDocument.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = existingDocument.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < begin) return existingDocument.TrimEnd() + "\n\n" + block;
        return existingDocument[..begin] + block + existingDocument[(end + EndMarker.Length)..].TrimStart('\n');
    }

    public static async Task WriteAsync(BenchmarkRun run, string markdownPath, string jsonPath, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(run);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(markdownPath))!);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!);
        var existing = File.Exists(markdownPath) ? await File.ReadAllTextAsync(markdownPath, cancellation) : null;
        await File.WriteAllTextAsync(markdownPath, Merge(existing, Markdown(run)), cancellation);
        await File.WriteAllTextAsync(jsonPath, JsonOf(run) + "\n", cancellation);
    }

    private static string FloorUnit(Figure f) => f.FloorUnit ?? f.Unit;

    private static string Verdict(Verdict verdict) => verdict switch
    {
        Reporting.Verdict.Pass => "**PASS**",
        Reporting.Verdict.Fail => "**FAIL**",
        Reporting.Verdict.NotEnforced => "not enforced",
        _ => "no target",
    };
}
