using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;

namespace Fachwerk.Domain.Alliances;

/// <summary>Groups alliances focus on (DOMAIN.md, "Target groups it focuses on").</summary>
public enum TargetGroup
{
    ReturnersToWork,
    UniversityDropouts,
    YoungPeople,
    Refugees,
    ForeignSkilledWorkers,
    PeopleWithMigrationBackground,
}

public sealed record AllianceFounded(
    Guid AllianceId,
    string Name,
    FederalState FederalState,
    IReadOnlyList<string> Districts,
    string CoordinatingOffice,
    DateOnly FoundedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>A state ministry recognized the alliance for a funding period; only a recognized alliance votes on applications.</summary>
public sealed record AllianceRecognized(
    Guid AllianceId,
    string Ministry,
    DateOnly RecognizedOn,
    Period FundingPeriod,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

public sealed record AllianceRecognitionWithdrawn(
    Guid AllianceId,
    DateOnly WithdrawnOn,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

public sealed record MemberJoined(
    Guid AllianceId,
    Guid OrganisationId,
    string OrganisationName,
    OrganisationKind Kind,
    DateOnly JoinedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

public sealed record MemberLeft(
    Guid AllianceId,
    Guid OrganisationId,
    DateOnly LeftOn,
    string? Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>The alliance now focuses on exactly these target groups (replaces the previous focus).</summary>
public sealed record AllianceTargetGroupsFocused(
    Guid AllianceId,
    IReadOnlyList<TargetGroup> TargetGroups,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

public sealed record AllianceDissolved(
    Guid AllianceId,
    DateOnly DissolvedOn,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;
