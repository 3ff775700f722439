using Fachwerk.Application.Network.Recommendations;
using Fachwerk.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Recommendations.Actions;

/// <summary>The facts of a recommendation a recorder acts on, as the page showed them: a stale form says which of them changed meanwhile.</summary>
public static class RecommendationFacts
{
    public static Dictionary<string, string> Of(RecommendationDetails recommendation, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        ArgumentNullException.ThrowIfNull(text);
        return new Dictionary<string, string>
        {
            ["recommendation.facts.status"] = RecommendationTexts.Status(recommendation.Status, text),
            ["recommendation.facts.followUps"] = Formats.Number(recommendation.FollowUps.Count),
            ["recommendation.facts.lastChanged"] = Formats.DateTime(recommendation.LastChangedAt),
        };
    }
}
