using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Experts;

/// <summary>Every event of an expert's directory entry names the entry and the user id the expert signs in with.</summary>
public interface IExpertEvent : IRecordedFact
{
    Guid ExpertId { get; }

    string UserId { get; }
}

/// <summary>An administrator entered the expert in the directory: from then on caseworkers may assign them as an external expert.</summary>
public sealed record ExpertRegistered(
    Guid ExpertId, string UserId, string DisplayName, string? Affiliation, IReadOnlyList<string> Fields, string? Email,
    string RecordedBy, DateTimeOffset RecordedAt) : IExpertEvent;

/// <summary>An administrator changed the expert's entry (name, affiliation, fields of expertise, e-mail); it replaces the earlier one.</summary>
public sealed record ExpertEntryChanged(
    Guid ExpertId, string UserId, string DisplayName, string? Affiliation, IReadOnlyList<string> Fields, string? Email,
    string RecordedBy, DateTimeOffset RecordedAt) : IExpertEvent;

/// <summary>An administrator withdrew the expert from the directory, with the reason: no longer assignable; earlier assignments stay.</summary>
public sealed record ExpertWithdrawn(Guid ExpertId, string UserId, string Reason, string RecordedBy, DateTimeOffset RecordedAt) : IExpertEvent;
