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
    TimeSpan QueryWarmup,
    string OutputFolder)
{
    /// <summary>How often the recovery phase kills the host in the middle of the workflow (issue 24: at least 30 for the p99).</summary>
    public int RecoveryKills { get; init; } = 30;

    /// <summary>How often the failover phase kills the node running the projections while another node survives (issue 24).</summary>
    public int FailoverKills { get; init; } = 30;

    /// <summary>Commands of each kind the transactions phase sends (<c>--only transactions</c>, issue 25 item 1).</summary>
    public int TransactionCommands { get; init; } = 200;

    /// <summary>How long the transactions phase watches the idle host before it counts commands.</summary>
    public TimeSpan TransactionIdleWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long the command warm-up goes on after <see cref="Warmup"/> at most while the host's tiered compiler is still busy
    /// recompiling hot methods (zero: not at all). The phases measure a host that has settled, as one that has run for a while.
    /// </summary>
    public TimeSpan TieringSettleLimit { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The rates of the load curve (<c>--only load-curve</c>), lowest first, each for <see cref="FixedRateDuration"/>.</summary>
    public IReadOnlyList<double> LoadCurveRates { get; init; } = [25, 50, 100, 150, 200];

    /// <summary>
    /// Phases to run (cold-start, commands, history, recovery, failover); all unless <c>--only</c> names some, for working on one of them.
    /// The transactions phase (a table of counts, no figure; it loads pg_stat_statements, which costs the others) and the load curve
    /// (a table of latencies by rate, no figure) run only when named.
    /// </summary>
    public IReadOnlySet<string> Phases { get; init; } = new HashSet<string>(["cold-start", "commands", "history", "recovery", "failover"]);

    /// <summary>Use the last published host instead of generating and publishing again (<c>--reuse-build</c>).</summary>
    public bool ReuseBuild { get; init; }

    /// <summary>
    /// Profile PostgreSQL's side of the command path (<c>--statements</c>): load pg_stat_statements and write, per statement,
    /// calls, execution and planning time during the throughput phase to statements-commands.txt. It costs throughput, so
    /// figures of such a run are not comparable.
    /// </summary>
    public bool Statements { get; init; }

    public bool Runs(string phase) => Phases.Contains(phase);

    public static Settings Full(string output) => new("full", TargetsEnforced: true, ReadyToRun: true, Clients: 16, Warmup: TimeSpan.FromSeconds(20),
        ThroughputDuration: TimeSpan.FromSeconds(30), FloorDuration: TimeSpan.FromSeconds(10), FixedRate: 200, FixedRateDuration: TimeSpan.FromSeconds(60),
        ColdStarts: 5, HistoryApplications: 100_000, HistoryProgrammes: 20, QueryIterations: 1_000,
        QueryWarmup: TimeSpan.FromSeconds(15), output);

    /// <summary>
    /// Quick mode: everything once, small. Its host runs without ReadyToRun and a second of warm-up, which serves fewer than
    /// 200 commands/s, so the fixed rate is 100/s: at 200/s it fell behind and the phase took twice as long.
    /// </summary>
    public static Settings Quick(string output) => new("quick", TargetsEnforced: false, ReadyToRun: false, Clients: 16, Warmup: TimeSpan.FromSeconds(1),
        ThroughputDuration: TimeSpan.FromSeconds(2), FloorDuration: TimeSpan.FromSeconds(1), FixedRate: 100, FixedRateDuration: TimeSpan.FromSeconds(2),
        ColdStarts: 1, HistoryApplications: 1_500, HistoryProgrammes: 3, QueryIterations: 40,
        QueryWarmup: TimeSpan.Zero, output) { RecoveryKills = 2, FailoverKills = 2, TieringSettleLimit = TimeSpan.Zero, TransactionCommands = 20, TransactionIdleWindow = TimeSpan.FromSeconds(15), LoadCurveRates = [25, 50] };

    /// <summary>
    /// Reads the command line: <c>--quick</c>, <c>--output FOLDER</c>, <c>--no-ready-to-run</c>, and for working on the harness
    /// <c>--only PHASE[,PHASE]</c>, <c>--reuse-build</c>, <c>--statements</c> and <c>--rates R[,R]</c> (the load curve's rates).
    /// </summary>
    public static Settings FromArguments(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var quick = args.Contains("--quick");
        var outputIndex = args.ToList().IndexOf("--output");
        var output = outputIndex >= 0 && outputIndex + 1 < args.Count
            ? Path.GetFullPath(args[outputIndex + 1])
            : quick ? Hosting.Repository.PathOf("artifacts", "benchmarks", "quick") : Hosting.Repository.PathOf("docs");
        var settings = quick ? Quick(output) : Full(output);
        if (args.Contains("--no-ready-to-run")) settings = settings with { ReadyToRun = false };
        var onlyIndex = args.ToList().IndexOf("--only");
        if (onlyIndex >= 0 && onlyIndex + 1 < args.Count) settings = settings with { Phases = new HashSet<string>(args[onlyIndex + 1].Split(',')) };
        var ratesIndex = args.ToList().IndexOf("--rates");
        if (ratesIndex >= 0 && ratesIndex + 1 < args.Count)
            settings = settings with { LoadCurveRates = [.. args[ratesIndex + 1].Split(',').Select(r => double.Parse(r, System.Globalization.CultureInfo.InvariantCulture))] };
        return settings with { ReuseBuild = args.Contains("--reuse-build"), Statements = args.Contains("--statements") };
    }
}
