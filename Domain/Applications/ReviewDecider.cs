using Fachwerk.Domain.Common;
using Fachwerk.Domain.Experts;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.Domain.Applications;

/// <summary>
/// Several reviewers score an application on its programme's criteria (ADR 0093). Reviews are open from submission until the
/// alliance votes; only programmes with review criteria have them. Whoever acted for the applicant on the case neither assigns
/// nor reviews; only an assigned reviewer scores, every criterion, within the scale, after declaring no conflict of interest; a
/// reviewer who declares a conflict does not score, and a review they gave before stops counting. A reviewer's new review
/// replaces their earlier one. External experts (people outside the alliance) are assigned only where the programme allows them
/// and follow the same rules.
/// </summary>
public static class ReviewDecider
{
    /// <summary>
    /// Assigns <paramref name="reviewer"/>; <paramref name="external"/>: as an external expert, which needs a programme that
    /// <paramref name="allowsExternalExperts"/> and an active entry in the directory of external experts
    /// (<paramref name="directoryEntry"/>, the entry of the reviewer's user id if any), whose name the assignment records.
    /// </summary>
    public static ReviewerAssigned Assign(
        FundingApplication application, IReadOnlyList<ReviewCriterion> criteria, string reviewer, string reviewerName, Stamp stamp,
        bool external = false, bool allowsExternalExperts = false, Expert? directoryEntry = null)
    {
        EnsureOpen(application, criteria, stamp);
        if (external && !allowsExternalExperts)
            throw new RuleViolation("review.external-not-allowed",
                "The application's programme does not allow external experts; its alliance's reviewers review it.");
        var id = reviewer.Trim();
        // An external expert is an active entry of the directory (ADR 0130), and is named as the directory names them.
        if (external) reviewerName = ExpertDecider.EnsureAssignable(directoryEntry, id).Profile.DisplayName;
        if (application.ApplicantSide.Contains(id))
            throw new RuleViolation("review.applicant-side",
                $"{reviewerName.Trim()} acted for the applicant on this application and cannot review it (separation of duties).");
        if (application.Reviewer(id) is { } assigned)
            throw new RuleViolation("review.already-assigned", $"{assigned.Name} is already assigned to review this application.");

        return new ReviewerAssigned(application.Id, id, reviewerName.Trim(), stamp.By, stamp.At, external);
    }

    public static ReviewerConflictDeclared DeclareConflict(
        FundingApplication application, IReadOnlyList<ReviewCriterion> criteria, string reason, Stamp stamp)
    {
        EnsureOpen(application, criteria, stamp);
        var reviewer = EnsureAssigned(application, stamp);
        if (reviewer.Conflict is not null)
            throw new RuleViolation("review.conflict-declared", "You already declared a conflict of interest on this application.");

        return new ReviewerConflictDeclared(application.Id, reviewer.Id, reason.Trim(), stamp.By, stamp.At);
    }

    /// <summary>The caller's review: a score for every one of <paramref name="criteria"/>, each within <see cref="ReviewScale"/>.</summary>
    public static ApplicationReviewed Review(
        FundingApplication application, IReadOnlyList<ReviewCriterion> criteria, IReadOnlyDictionary<string, int> scores, string comment,
        bool declaresNoConflictOfInterest, Stamp stamp)
    {
        EnsureOpen(application, criteria, stamp);
        var reviewer = EnsureAssigned(application, stamp);
        if (reviewer.Conflict is not null)
            throw new RuleViolation("review.conflicted", "You declared a conflict of interest on this application and do not score it.");
        if (!declaresNoConflictOfInterest)
            throw new RuleViolation("review.conflict-undeclared",
                "Declare that you have no conflict of interest, or declare the conflict instead of scoring.");
        var unknown = scores.Keys.FirstOrDefault(k => !criteria.Any(c => Same(c.Name, k)));
        if (unknown is not null)
            throw new RuleViolation("review.unknown-criterion",
                $"'{unknown}' is not a criterion of the programme; it scores on {string.Join(", ", criteria.Select(c => c.Name))}.");
        var unscored = criteria.Where(c => !scores.Keys.Any(k => Same(c.Name, k))).Select(c => c.Name).ToList();
        if (unscored.Count > 0)
            throw new RuleViolation("review.criterion-unscored", $"Score every criterion; missing: {string.Join(", ", unscored)}.");
        var scored = criteria.Select(c => new CriterionScore(c.Name, c.Weight, scores.First(s => Same(s.Key, c.Name)).Value)).ToList();
        if (scored.FirstOrDefault(s => s.Score is < ReviewScale.Lowest or > ReviewScale.Highest) is { } outOfRange)
            throw new RuleViolation("review.score-out-of-range",
                $"'{outOfRange.Criterion}' is scored {outOfRange.Score}; scores lie from {ReviewScale.Lowest} to {ReviewScale.Highest}.");

        return new ApplicationReviewed(application.Id, reviewer.Id, scored, comment.Trim(), true, stamp.By, stamp.At);
    }

    private static void EnsureOpen(FundingApplication application, IReadOnlyList<ReviewCriterion> criteria, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        if (criteria.Count == 0)
            throw new RuleViolation("review.no-criteria",
                "The application's programme has no review criteria; the alliance votes on it without reviews.");
        if (application.Status is not (ApplicationStatus.Submitted or ApplicationStatus.DocumentsRequested or ApplicationStatus.FormallyComplete))
            throw new RuleViolation("review.not-open",
                $"The application is {application.Status}: it is reviewed between its submission and the alliance's vote.");
    }

    private static Reviewer EnsureAssigned(FundingApplication application, Stamp stamp) =>
        application.Reviewer(stamp.By)
        ?? throw new RuleViolation("review.not-assigned", "You are not assigned to review this application; only its assigned reviewers do.");

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
