using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.Application.Applications;

/// <summary>
/// The reviews of an application (ADR 0093): the programme's criteria, each assigned reviewer's scores or declared conflict, and
/// what they come to. The alliance votes beside it; once it has voted the reviews are closed, so they are what the vote was
/// cast on.
/// </summary>
/// <param name="ApplicationId">The application reviewed.</param>
/// <param name="Version">The application's version, for the next command on it.</param>
/// <param name="Open">Whether reviewers are assigned and score now (between submission and the alliance's vote).</param>
/// <param name="Criteria">The programme's current review criteria; none: the application has no reviews.</param>
/// <param name="Reviewers">The assigned reviewers, in the order they were assigned.</param>
/// <param name="Summary">The weighted averages' mean and spread over the reviews that count.</param>
/// <param name="AllowsExternalExperts">Whether the programme lets caseworkers assign external experts besides the alliance's reviewers.</param>
public sealed record ApplicationReviews(
    Guid ApplicationId,
    long Version,
    bool Open,
    IReadOnlyList<ReviewCriterion> Criteria,
    IReadOnlyList<ReviewView> Reviewers,
    ReviewSummary Summary,
    bool AllowsExternalExperts = false)
{
    /// <summary>
    /// Only <paramref name="reviewer"/>'s own review and a summary of it alone: what an external expert reads, who must not see the
    /// other reviewers' scores (nor their mean) before the vote.
    /// </summary>
    public ApplicationReviews OnlyOf(string reviewer)
    {
        var own = Reviewers.Where(r => string.Equals(r.Reviewer, reviewer, StringComparison.OrdinalIgnoreCase)).ToList();
        var ownAsReviewers = own.Select(r => new Reviewer(r.Reviewer, r.Name, r.AssignedAt, r.External)
            { Scores = r.Scores, Comment = r.Comment, ReviewedAt = r.ReviewedAt, Conflict = r.Conflict });
        return this with { Reviewers = own, Summary = ReviewSummary.Of([.. ownAsReviewers]) };
    }

    public static ApplicationReviews Of(FundingApplication application, long version, ProgrammeReviewCriteria programme) =>
        new(application.Id, version,
            programme.Criteria.Count > 0 && application.Status is ApplicationStatus.Submitted or ApplicationStatus.DocumentsRequested or ApplicationStatus.FormallyComplete,
            programme.Criteria,
            [.. application.Reviewers.Select(r => new ReviewView(r.Id, r.Name, r.AssignedAt, r.Scores,
                r.Scores is null ? null : ReviewSummary.WeightedAverage(r.Scores), r.Comment, r.ReviewedAt, r.Conflict, r.External))],
            ReviewSummary.Of(application.Reviewers),
            programme.AllowsExternalExperts);
}

/// <summary>One assigned reviewer: their scores and weighted average once they scored, or the conflict they declared.</summary>
/// <param name="Reviewer">The reviewer's user id.</param>
/// <param name="Name">The reviewer's name.</param>
/// <param name="AssignedAt">When the reviewer was assigned.</param>
/// <param name="Scores">The scores per criterion, with the weight each had when scored; null until the reviewer scores.</param>
/// <param name="WeightedAverage">Each score times its weight, over the sum of the weights (0 to 10); null until scored.</param>
/// <param name="Comment">The reviewer's comment on the scores.</param>
/// <param name="ReviewedAt">When the reviewer last scored; a new review replaces the earlier one.</param>
/// <param name="Conflict">The conflict of interest the reviewer declared; their scores (if any) then do not count.</param>
/// <param name="External">An external expert, not one of the alliance's reviewers.</param>
public sealed record ReviewView(
    string Reviewer,
    string Name,
    DateTimeOffset AssignedAt,
    IReadOnlyList<CriterionScore>? Scores,
    decimal? WeightedAverage,
    string? Comment,
    DateTimeOffset? ReviewedAt,
    string? Conflict,
    bool External = false);
