using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Recommendations;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Fachwerk.Application.Network.Recommendations;

/// <summary>A follow-up of a recommendation.</summary>
/// <param name="FollowedUpOn">The day.</param>
/// <param name="Status">What the municipality did.</param>
/// <param name="Note">What happened.</param>
public sealed record FollowUpRecord(DateOnly FollowedUpOn, FollowUpStatus Status, string Note);

/// <summary>An alliance's recommendation to a municipality, with its follow-ups. Updated inline.</summary>
public sealed record RecommendationDetails
{
    /// <summary>The recommendation's id.</summary>
    public Guid Id { get; init; }
    /// <summary>Its version: send it as <c>expectedVersion</c> with the next command on it.</summary>
    public long Version { get; init; }
    /// <summary>The alliance that gave it.</summary>
    public Guid AllianceId { get; init; }
    /// <summary>Its name.</summary>
    public string Alliance { get; init; } = "";
    /// <summary>The municipality it was given to.</summary>
    public NetworkParty Municipality { get; init; } = new(Guid.Empty, "", PartyKind.Organisation);
    /// <summary>What it is about.</summary>
    public string Subject { get; init; } = "";
    /// <summary>The recommendation.</summary>
    public string Text { get; init; } = "";
    /// <summary>The day it was given.</summary>
    public DateOnly IssuedOn { get; init; }
    /// <summary>What became of it, as of the last follow-up; none before the first.</summary>
    public FollowUpStatus? Status { get; init; }
    /// <summary>Its follow-ups, in order.</summary>
    public IReadOnlyList<FollowUpRecord> FollowUps { get; init; } = [];
    /// <summary>When it last changed.</summary>
    public DateTimeOffset LastChangedAt { get; init; }
}

public sealed partial class RecommendationDetailsProjection : SingleStreamProjection<RecommendationDetails, Guid>
{
    public static RecommendationDetails Create(IEvent<RecommendationIssued> e) => new()
    {
        Id = e.Data.RecommendationId,
        Version = e.Version,
        AllianceId = e.Data.AllianceId,
        Alliance = e.Data.Alliance,
        Municipality = e.Data.Municipality,
        Subject = e.Data.Subject,
        Text = e.Data.Text,
        IssuedOn = e.Data.IssuedOn,
        LastChangedAt = e.Timestamp,
    };

    public static RecommendationDetails Apply(IEvent<RecommendationFollowedUp> e, RecommendationDetails recommendation) =>
        recommendation with
        {
            Version = e.Version,
            LastChangedAt = e.Timestamp,
            Status = e.Data.Status,
            FollowUps = [.. recommendation.FollowUps, new FollowUpRecord(e.Data.FollowedUpOn, e.Data.Status, e.Data.Note)],
        };
}
