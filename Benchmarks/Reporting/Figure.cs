namespace Fachwerk.Benchmarks.Reporting;

public enum Measure
{
    /// <summary>The target applies to the figure itself (e.g. at most 25 ms).</summary>
    Value,

    /// <summary>The target applies to the figure divided by its floor (e.g. at least 0.25 × the commit floor).</summary>
    Ratio,
}

public enum Comparison
{
    AtLeast,
    AtMost,
}

/// <summary>A performance target set for a figure (docs/benchmarks.md shows each beside its result): the figure (or its ratio to the floor) must be at least or at most the threshold.</summary>
public sealed record Target(Measure On, Comparison Is, double Threshold)
{
    public static Target AtLeast(double threshold) => new(Measure.Value, Comparison.AtLeast, threshold);

    public static Target AtMost(double threshold) => new(Measure.Value, Comparison.AtMost, threshold);

    public static Target RatioAtLeast(double threshold) => new(Measure.Ratio, Comparison.AtLeast, threshold);

    /// <summary>Whether the figure meets the target; a ratio target without a floor cannot be met.</summary>
    public bool IsMetBy(double value, double? ratio)
    {
        double? measured = On == Measure.Value ? value : ratio;
        if (measured is not { } m || double.IsNaN(m)) return false;
        return Is == Comparison.AtLeast ? m >= Threshold : m <= Threshold;
    }

    public string Describe(string unit)
    {
        var sign = Is == Comparison.AtLeast ? "≥" : "≤";
        return On == Measure.Ratio ? $"{sign} {Format.Number(Threshold)} × floor" : $"{sign} {Format.Number(Threshold)} {unit}";
    }
}

public enum Verdict
{
    Pass,
    Fail,

    /// <summary>Quick mode measures too little for its figures to be held to the targets.</summary>
    NotEnforced,

    /// <summary>A figure printed for context, with no target of its own.</summary>
    NoTarget,
}

/// <summary>
/// One measured figure with the PostgreSQL floor measured beside it in the same run. <see cref="Ratio"/> is always
/// figure ÷ floor: above 1 for a latency means slower than the floor, below 1 for a rate means slower than the floor.
/// </summary>
public sealed record Figure(
    string Key,
    string Name,
    double Value,
    string Unit,
    double? Floor,
    string FloorDescription,
    Target? Target,
    string Notes = "")
{
    public double? Ratio => Floor is > 0 and var floor ? Value / floor : null;

    /// <summary>The floor's unit when it differs in name from the figure's (commits/s beside commands/s).</summary>
    public string? FloorUnit { get; init; }

    public Verdict VerdictWhen(bool targetsEnforced) =>
        Target is null ? Verdict.NoTarget
        : !targetsEnforced ? Verdict.NotEnforced
        : Target.IsMetBy(Value, Ratio) ? Verdict.Pass
        : Verdict.Fail;
}
