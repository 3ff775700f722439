namespace Fachwerk.Benchmarks.Measuring;

/// <summary>Percentiles by the nearest-rank method: the smallest sample that at least p % of all samples do not exceed.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyCollection<double> samples, double percentile)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0) throw new ArgumentException("A percentile needs at least one sample.", nameof(samples));
        if (percentile is <= 0 or > 100) throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "Between 0 (exclusive) and 100.");

        var sorted = samples.Order().ToArray();
        return OfSorted(sorted, percentile);
    }

    internal static double OfSorted(double[] sorted, double percentile)
    {
        // Nearest rank: ceil(p/100 * n), 1-based. Floating point may put 0.99 * 100 just above 99, so round before ceiling.
        var rank = (int)Math.Ceiling(Math.Round(percentile / 100 * sorted.Length, 9));
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}

/// <summary>What a series of latencies (in milliseconds) comes to.</summary>
public sealed record LatencySummary(int Count, double P50, double P99, double Max, double Mean)
{
    public static LatencySummary Of(IReadOnlyCollection<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        if (milliseconds.Count == 0) throw new ArgumentException("No latencies were measured.", nameof(milliseconds));
        var sorted = milliseconds.Order().ToArray();
        return new LatencySummary(sorted.Length, Percentiles.OfSorted(sorted, 50), Percentiles.OfSorted(sorted, 99), sorted[^1], sorted.Average());
    }
}
