namespace Fachwerk.Benchmarks;

/// <summary>How much each phase measures. Full mode is the one the targets are judged on; quick mode only keeps the harness working.</summary>
public sealed record Settings(
    string Mode,
    bool TargetsEnforced,
    bool ReadyToRun,
    int Clients,
    TimeSpan Warmup,
    TimeSpan ThroughputDuration,
    TimeSpan FloorDuration,
    double FixedRate,
    TimeSpan FixedRateDuration,
    int ColdStarts,
    int HistoryApplications,
    int HistoryProgrammes,
    int QueryIterations,
    string OutputFolder)
{
    public static Settings Full(string output) => new("full", TargetsEnforced: true, ReadyToRun: true, Clients: 16, Warmup: TimeSpan.FromSeconds(5),
        ThroughputDuration: TimeSpan.FromSeconds(30), FloorDuration: TimeSpan.FromSeconds(10), FixedRate: 200, FixedRateDuration: TimeSpan.FromSeconds(60),
        ColdStarts: 5, HistoryApplications: 100_000, HistoryProgrammes: 20, QueryIterations: 1_000, output);

    public static Settings Quick(string output) => new("quick", TargetsEnforced: false, ReadyToRun: false, Clients: 16, Warmup: TimeSpan.FromSeconds(1),
        ThroughputDuration: TimeSpan.FromSeconds(3), FloorDuration: TimeSpan.FromSeconds(2), FixedRate: 200, FixedRateDuration: TimeSpan.FromSeconds(4),
        ColdStarts: 1, HistoryApplications: 1_500, HistoryProgrammes: 3, QueryIterations: 100, output);

    /// <summary>Reads the command line: <c>--quick</c>, <c>--output FOLDER</c>, <c>--no-ready-to-run</c>.</summary>
    public static Settings FromArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var quick = args.Contains("--quick");
        var outputIndex = args.ToList().IndexOf("--output");
        var output = outputIndex >= 0 && outputIndex + 1 < args.Count
            ? Path.GetFullPath(args[outputIndex + 1])
            : quick ? Hosting.Repository.PathOf("artifacts", "benchmarks", "quick") : Hosting.Repository.PathOf("docs");
        var settings = quick ? Quick(output) : Full(output);
        return args.Contains("--no-ready-to-run") ? settings with { ReadyToRun = false } : settings;
    }
}
