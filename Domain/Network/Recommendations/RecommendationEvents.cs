using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Recommendations;

/// <summary>What became of a recommendation, as the municipality reports it.</summary>
public enum FollowUpStatus
{
    /// <summary>The municipality took note.</summary>
    Acknowledged,
    InProgress,
    Implemented,
    Declined,
}

/// <summary>
/// An alliance gave a municipality a recommendation (a structural impulse, "strukturelle Impulse in den beteiligten
/// Kommunen"): its subject and text, on a day.
/// </summary>
public sealed record RecommendationIssued(
    Guid RecommendationId,
    Guid AllianceId,
    string Alliance,
    NetworkParty Municipality,
    string Subject,
    string Text,
    DateOnly IssuedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>The follow-up of a recommendation: what the municipality did, on a day.</summary>
public sealed record RecommendationFollowedUp(
    Guid RecommendationId,
    DateOnly FollowedUpOn,
    FollowUpStatus Status,
    string Note,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;
