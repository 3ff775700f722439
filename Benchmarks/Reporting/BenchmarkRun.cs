namespace Fachwerk.Benchmarks.Reporting;

/// <summary>Where the figures were measured: the machine, the database, and how busy the machine was meanwhile.</summary>
public sealed record MachineInfo(
    int Cores,
    long MemoryMegabytes,
    string OperatingSystem,
    string DotNet,
    string PostgreSql,
    string PostgreSqlSettings,
    string LoadAverageAtStart,
    string LoadAverageAtEnd);

/// <summary>One run of the harness: its mode, when it ran, where, and what it measured.</summary>
public sealed record BenchmarkRun(
    string Mode,
    bool TargetsEnforced,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    MachineInfo Machine,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<string> Notes)
{
    public int Passed => Figures.Count(f => f.VerdictWhen(TargetsEnforced) == Verdict.Pass);

    public int Failed => Figures.Count(f => f.VerdictWhen(TargetsEnforced) == Verdict.Fail);

    public int WithTargets => Figures.Count(f => f.Target is not null);
}
