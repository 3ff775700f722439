using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Programmes;

public static partial class ProgrammeDecider
{
    /// <summary>The most criteria a programme scores on: a review form stays one screen.</summary>
    public const int MaxReviewCriteria = 10;

    /// <summary>
    /// Sets what reviewers score the programme's applications on: named criteria whose weights add up to 100 %. No criteria
    /// removes the review (and with it the external experts); unchanged criteria record nothing. <paramref name="allowsExternalExperts"/>:
    /// caseworkers may also assign external experts.
    /// </summary>
    public static IReadOnlyList<object> SetReviewCriteria(
        FundingProgramme programme, IReadOnlyList<ReviewCriterion> criteria, Stamp stamp, bool allowsExternalExperts = false)
    {
        var cleaned = criteria
            .Select(c => new ReviewCriterion(c.Name.Trim(), c.Weight, string.IsNullOrWhiteSpace(c.Guidance) ? null : c.Guidance.Trim()))
            .ToList();
        if (cleaned.Count > MaxReviewCriteria)
            throw new RuleViolation("programme.too-many-criteria", $"A programme scores on at most {MaxReviewCriteria} criteria; {cleaned.Count} given.");
        if (cleaned.FirstOrDefault(c => c.Name.Length == 0) is not null)
            throw new RuleViolation("programme.criterion-unnamed", "Every review criterion has a name.");
        var duplicate = cleaned.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new RuleViolation("programme.duplicate-criterion", $"Criterion '{duplicate.Key}' is listed more than once.");
        if (cleaned.FirstOrDefault(c => c.Weight is < 1 or > 100) is { } outOfRange)
            throw new RuleViolation("programme.criterion-weight", $"Criterion '{outOfRange.Name}' weighs {outOfRange.Weight} %; a weight lies from 1 to 100 %.");
        if (cleaned.Count > 0 && cleaned.Sum(c => c.Weight) != 100)
            throw new RuleViolation("programme.criteria-weights",
                $"The weights of the review criteria add up to {cleaned.Sum(c => c.Weight)} %, not 100 %.");
        // Without criteria there is no review, so no expert to allow.
        var allows = allowsExternalExperts && cleaned.Count > 0;
        if (cleaned.SequenceEqual(programme.ReviewCriteria) && allows == programme.AllowsExternalExperts)
            return [];

        return [new ReviewCriteriaSet(programme.Id, cleaned, stamp.By, stamp.At, allows)];
    }
}
