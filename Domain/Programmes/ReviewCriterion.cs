namespace Fachwerk.Domain.Programmes;

/// <summary>
/// One criterion a programme's reviewers score an application on, e.g. "Bedarf in der Region" weighing 40 %. Each reviewer gives
/// it a score from <see cref="ReviewScale.Lowest"/> to <see cref="ReviewScale.Highest"/>; the weights of a programme's criteria
/// add up to 100.
/// </summary>
/// <param name="Name">The criterion as reviewers read it; scores name it.</param>
/// <param name="Weight">Its weight in percent (1 to 100).</param>
/// <param name="Guidance">What a reviewer looks at when scoring it, shown beside the field.</param>
public sealed record ReviewCriterion(string Name, int Weight, string? Guidance = null);

/// <summary>The scale every criterion is scored on: 0 (not at all) to 10 (fully), the same as the alliance vote's scores.</summary>
public static class ReviewScale
{
    public const int Lowest = 0;
    public const int Highest = 10;
}
