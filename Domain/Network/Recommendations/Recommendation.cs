using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Recommendations;

/// <summary>Write model of an alliance's recommendation to a municipality; its status is that of the last follow-up.</summary>
public sealed record Recommendation(Guid Id, Guid AllianceId, string Subject, DateOnly IssuedOn, FollowUpStatus? Status, DateOnly LastChangedOn)
    : IEventSourced<Recommendation>
{
    /// <summary>Implemented or declined: the recommendation is settled.</summary>
    public bool IsSettled => Status is FollowUpStatus.Implemented or FollowUpStatus.Declined;

    public static Recommendation Evolve(Recommendation? recommendation, object @event) => (recommendation, @event) switch
    {
        (null, RecommendationIssued issued) => new Recommendation(issued.RecommendationId, issued.AllianceId, issued.Subject, issued.IssuedOn, null,
            issued.IssuedOn),
        (null, _) => throw new UnexpectedFirstEventException(typeof(Recommendation), @event),
        (_, RecommendationFollowedUp followedUp) => recommendation with { Status = followedUp.Status, LastChangedOn = followedUp.FollowedUpOn },
        _ => recommendation,
    };
}
