namespace Fachwerk.Domain.Applications;

// Several reviewers score an application on its programme's criteria (ADR 0093). Reviews are the alliance's preparation of
// its vote: they change no status (ApplicationLifecycle leaves it as it is) and close when the alliance votes.

/// <summary>A criterion's score in a review, with the weight the criterion had when it was scored.</summary>
/// <param name="Criterion">The criterion's name.</param>
/// <param name="Weight">Its weight in percent when scored.</param>
/// <param name="Score">The score, from 0 to 10.</param>
public sealed record CriterionScore(string Criterion, int Weight, int Score);

/// <summary>
/// <paramref name="ReviewerName"/> (<paramref name="Reviewer"/>, a user id) is to review the application; <paramref name="External"/>:
/// as an external expert, not for the alliance (false in events recorded before there were experts).
/// </summary>
public sealed record ReviewerAssigned(
    Guid ApplicationId, string Reviewer, string ReviewerName, string RecordedBy, DateTimeOffset RecordedAt, bool External = false)
    : IApplicationEvent;

/// <summary>
/// The assigned reviewer declared a conflict of interest and does not score the application; a review they submitted before no
/// longer counts.
/// </summary>
public sealed record ReviewerConflictDeclared(Guid ApplicationId, string Reviewer, string Reason, string RecordedBy, DateTimeOffset RecordedAt)
    : IApplicationEvent;

/// <summary>
/// An assigned reviewer scored every criterion of the programme, commented, and declared that they have no conflict of interest.
/// A later review by the same reviewer replaces this one.
/// </summary>
public sealed record ApplicationReviewed(
    Guid ApplicationId,
    string Reviewer,
    IReadOnlyList<CriterionScore> Scores,
    string Comment,
    bool DeclaredNoConflictOfInterest,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IApplicationEvent;
