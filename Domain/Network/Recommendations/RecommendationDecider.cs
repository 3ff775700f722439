using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;

namespace Fachwerk.Domain.Network.Recommendations;

/// <summary>Pure decisions for an alliance's recommendations to municipalities and their follow-up.</summary>
public static class RecommendationDecider
{
    public static RecommendationIssued Issue(
        Guid recommendationId, Alliance alliance, NetworkParty municipality, string subject, string text, DateOnly issuedOn, Stamp stamp)
    {
        if (alliance.Status == AllianceStatus.Dissolved)
            throw new RuleViolation("recommendation.alliance-dissolved", $"'{alliance.Name}' is dissolved.");
        if (!municipality.IsOrganisationOf(OrganisationKind.Municipality))
            throw new RuleViolation("recommendation.not-a-municipality", $"Recommendations go to municipalities; '{municipality.Name}' is not one.");
        NetworkRules.EnsureNotInFuture(issuedOn, stamp, "recommendation.date-in-future");

        return new RecommendationIssued(recommendationId, alliance.Id, alliance.Name, municipality, subject.Trim(), text.Trim(), issuedOn, stamp.By, stamp.At);
    }

    /// <summary>Records a follow-up, in the order things happened; nothing follows once it is implemented or declined.</summary>
    public static RecommendationFollowedUp FollowUp(Recommendation recommendation, DateOnly on, FollowUpStatus status, string note, Stamp stamp)
    {
        if (recommendation.IsSettled)
            throw new RuleViolation("recommendation.settled", $"'{recommendation.Subject}' is {recommendation.Status}; it is settled.");
        NetworkRules.EnsureNotBefore(on, recommendation.LastChangedOn, "recommendation.follow-up-out-of-order", "A follow-up");
        NetworkRules.EnsureNotInFuture(on, stamp, "recommendation.date-in-future");

        return new RecommendationFollowedUp(recommendation.Id, on, status, note.Trim(), stamp.By, stamp.At);
    }
}
