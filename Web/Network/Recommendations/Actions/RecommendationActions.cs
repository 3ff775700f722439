using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Recommendations;
using Fachwerk.Domain.Network.Recommendations;
using Fachwerk.Web.Network.Ideas.Actions;
using Fachwerk.Web.Shared;

namespace Fachwerk.Web.Network.Recommendations.Actions;

/// <summary>
/// Which steps of a recommendation the pages offer a user, and when: to caseworkers and administrators, and to the coordinator of
/// the recommending alliance, until it is implemented or declined, as a courtesy. The API decides every time.
/// </summary>
public static class RecommendationActions
{
    public const string Issue = "issue-recommendation";
    public const string FollowUp = "follow-up-recommendation";

    /// <summary>Every form of the recommendation pages, for the confirmation after a redirect.</summary>
    public static readonly IReadOnlyList<string> All = [Issue, FollowUp];

    /// <summary>Whether the user records recommendations at all (the same roles as project ideas).</summary>
    public static bool MayIssue(CurrentUser user) => IdeaActions.MayRecord(user);

    /// <summary>Whether the page offers a follow-up of <paramref name="recommendation"/> to <paramref name="user"/>.</summary>
    public static bool OffersFollowUp(RecommendationDetails recommendation, CurrentUser user) =>
        Records(recommendation, user) && recommendation.Status is not (FollowUpStatus.Implemented or FollowUpStatus.Declined);

    /// <summary>Staff record every alliance's recommendations; a coordinator those of the alliances they coordinate.</summary>
    public static bool Records(RecommendationDetails recommendation, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        ArgumentNullException.ThrowIfNull(user);
        return IdeaActions.IsStaff(user) || (user.Has(Roles.AllianceCoordinator) && user.Alliances.Contains(recommendation.AllianceId));
    }
}
