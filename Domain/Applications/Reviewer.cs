namespace Fachwerk.Domain.Applications;

/// <summary>
/// A reviewer assigned to an application and where their review stands: not yet scored, scored (<see cref="Scores"/>), or out
/// because of a declared conflict of interest (<see cref="Conflict"/>). <see cref="External"/>: an external expert, not one of the
/// alliance's reviewers.
/// </summary>
public sealed record Reviewer(string Id, string Name, DateTimeOffset AssignedAt, bool External = false)
{
    public IReadOnlyList<CriterionScore>? Scores { get; init; }

    public string? Comment { get; init; }

    public DateTimeOffset? ReviewedAt { get; init; }

    /// <summary>Why the reviewer does not score the application, when they declared a conflict of interest.</summary>
    public string? Conflict { get; init; }

    /// <summary>Scored and not conflicted: the review counts.</summary>
    public bool Counts => Scores is not null && Conflict is null;
}
