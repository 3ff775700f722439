using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Ideas;

/// <summary>Where a project idea of an alliance stands.</summary>
public enum IdeaStatus
{
    /// <summary>Recorded; partners are sought.</summary>
    Open,

    /// <summary>At least one partner committed; the project is being prepared.</summary>
    InPreparation,

    /// <summary>A funding application realises it.</summary>
    Realised,

    /// <summary>Given up.</summary>
    Dropped,
}

/// <summary>
/// An alliance recorded a project it develops and initiates before any applicant exists: the idea, the partners it seeks,
/// the target groups, and the alliance's state (for the dashboards).
/// </summary>
public sealed record ProjectIdeaRecorded(
    Guid IdeaId,
    Guid AllianceId,
    string Alliance,
    FederalState FederalState,
    string Title,
    string Idea,
    IReadOnlyList<string> PartnersSought,
    IReadOnlyList<TargetGroup> TargetGroups,
    DateOnly RecordedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>A partner committed to the idea.</summary>
public sealed record ProjectIdeaPartnerCommitted(
    Guid IdeaId,
    NetworkParty Partner,
    DateOnly CommittedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>A funding application in the alliance's region realises the idea (the district is the application's).</summary>
public sealed record ProjectIdeaRealised(
    Guid IdeaId,
    Guid ApplicationId,
    string ApplicationTitle,
    string District,
    DateOnly RealisedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

public sealed record ProjectIdeaDropped(
    Guid IdeaId,
    DateOnly DroppedOn,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;
