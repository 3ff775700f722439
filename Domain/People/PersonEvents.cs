using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.People;

/// <summary>What a person acts for besides their roles: an organisation (as its applicant), an alliance (as its reviewer), a pilot project (as its lead).</summary>
public enum BindingKind
{
    /// <summary>Acts for the organisation: applies for funding in its name (the applicant role).</summary>
    Organisation,

    /// <summary>Reviews for the alliance: votes on the applications of its region (the alliance-reviewer role).</summary>
    Alliance,

    /// <summary>Leads the pilot project: records its partners, companies, participants and services (the project-lead role).</summary>
    Pilot,
}

/// <summary>A binding: the kind and the id of the organisation, alliance or pilot project.</summary>
/// <param name="Kind">Organisation, alliance or pilot project.</param>
/// <param name="TargetId">The id of the organisation, alliance or pilot project.</param>
public sealed record Binding(BindingKind Kind, Guid TargetId);

/// <summary>Every event of a person's bindings names the person and the user id the identity provider gives them.</summary>
public interface IPersonEvent : IRecordedFact
{
    Guid PersonId { get; }

    string UserId { get; }
}

/// <summary>An administrator bound the person (or a project lead launched a pilot and so leads it), with the reason.</summary>
public sealed record BindingGranted(
    Guid PersonId, string UserId, BindingKind Kind, Guid TargetId, string Reason, string RecordedBy, DateTimeOffset RecordedAt) : IPersonEvent;

/// <summary>
/// An administrator ended the binding (or ruled it out before it was held), with the reason; a token's claim does not bring it back.
/// </summary>
public sealed record BindingRevoked(
    Guid PersonId, string UserId, BindingKind Kind, Guid TargetId, string Reason, string RecordedBy, DateTimeOffset RecordedAt) : IPersonEvent;
