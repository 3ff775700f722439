using Fachwerk.Domain.Network.Recommendations;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Recommendations;

/// <summary>A recommendation's state in words, the same on the list, the page and in the export.</summary>
public static class RecommendationTexts
{
    /// <summary>What became of it as of the last follow-up, or that none has been recorded yet.</summary>
    public static string Status(FollowUpStatus? status, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return status is { } s ? text["recommendation.status." + s] : text["recommendation.noFollowUp"];
    }
}
