namespace Fachwerk.Domain.Applications;

/// <summary>
/// What the reviews of an application come to: each counting reviewer's weighted average, their mean and how far they spread
/// (lowest, highest, population standard deviation), and the mean score per criterion. Reviewers with a declared conflict of
/// interest and those who have not scored yet do not count. Figures are on the 0 to 10 scale, rounded to two decimals.
/// </summary>
/// <param name="Counted">How many reviews count.</param>
/// <param name="Average">The mean of the counting reviewers' weighted averages; null without reviews.</param>
/// <param name="Lowest">The lowest weighted average.</param>
/// <param name="Highest">The highest weighted average.</param>
/// <param name="StandardDeviation">The population standard deviation of the weighted averages (0 for one review).</param>
/// <param name="ByCriterion">The mean score per criterion, in the order the reviews name them.</param>
public sealed record ReviewSummary(
    int Counted,
    decimal? Average,
    decimal? Lowest,
    decimal? Highest,
    decimal? StandardDeviation,
    IReadOnlyList<CriterionAverage> ByCriterion)
{
    public static readonly ReviewSummary None = new(0, null, null, null, null, []);

    /// <summary>The summary of <paramref name="reviewers"/>' reviews.</summary>
    public static ReviewSummary Of(IEnumerable<Reviewer> reviewers)
    {
        var counting = reviewers.Where(r => r.Counts).Select(r => r.Scores!).ToList();
        if (counting.Count == 0) return None;

        var byCriterion = counting.SelectMany(s => s)
            .GroupBy(s => s.Criterion, StringComparer.OrdinalIgnoreCase)
            .Select(g => new CriterionAverage(g.Key, Round(g.Average(s => (decimal)s.Score))))
            .ToList();
        return OfAverages(counting.Select(ExactWeightedAverage).ToList()) with { ByCriterion = byCriterion };
    }

    /// <summary>
    /// The summary of the counting reviews' exact weighted averages alone, without the means per criterion: what a list that
    /// keeps only each reviewer's average (the application summary) shows, with the same figures as <see cref="Of"/>.
    /// </summary>
    public static ReviewSummary OfAverages(IReadOnlyList<decimal> averages)
    {
        if (averages.Count == 0) return None;
        var mean = averages.Average();
        var variance = averages.Sum(a => (a - mean) * (a - mean)) / averages.Count;
        return new ReviewSummary(averages.Count, Round(mean), Round(averages.Min()), Round(averages.Max()),
            Round((decimal)Math.Sqrt((double)variance)), []);
    }

    /// <summary>One review's weighted average: each score times its weight, over the sum of the weights.</summary>
    public static decimal WeightedAverage(IReadOnlyList<CriterionScore> scores) => Round(ExactWeightedAverage(scores));

    /// <summary>The weighted average unrounded, for summaries that round only their result.</summary>
    public static decimal ExactWeightedAverage(IReadOnlyList<CriterionScore> scores)
    {
        var weights = scores.Sum(s => s.Weight);
        return weights == 0 ? 0 : scores.Sum(s => (decimal)s.Score * s.Weight) / weights;
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

/// <summary>The mean score the counting reviews gave one criterion.</summary>
/// <param name="Criterion">The criterion's name.</param>
/// <param name="Average">The mean of its scores (0 to 10), rounded to two decimals.</param>
public sealed record CriterionAverage(string Criterion, decimal Average);
