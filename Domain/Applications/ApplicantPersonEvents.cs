using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.Domain.Applications;

/// <summary>
/// A natural person applies (ADR 0123): follows <see cref="ApplicationDrafted"/> in the same command. Their personal data are sealed
/// with their own key (ADR 0015); the event carries no plaintext.
/// </summary>
/// <param name="SubjectId">The person's applicant record, and the id of their key.</param>
/// <param name="RetentionYears">The programme's retention period when the person applied: their data are kept that long after the case ended.</param>
public sealed record ApplicantPersonNamed(
    Guid ApplicationId, Guid SubjectId, PersonApplicantKind Kind, SealedPersonalData PersonalData, int RetentionYears, string RecordedBy,
    DateTimeOffset RecordedAt)
    : IApplicationEvent;

/// <summary>
/// The applicant person's data were erased on request (GDPR Art. 17): their key was destroyed in the same transaction. Amounts,
/// dates and the history stay.
/// </summary>
public sealed record ApplicantPersonDataErased(
    Guid ApplicationId, Guid SubjectId, ErasureGround LegalBasis, DateOnly RequestedOn, string? RequestReference, string RecordedBy,
    DateTimeOffset RecordedAt) : IApplicationEvent;

/// <summary>A legal hold on the case's records until a day, with its legal basis: erasure is refused until then.</summary>
public sealed record CaseLegalHoldPlaced(Guid ApplicationId, DateOnly HeldUntil, string LegalBasis, string RecordedBy, DateTimeOffset RecordedAt)
    : IApplicationEvent;

/// <summary>The case's legal hold was lifted before its day (e.g. the audit ended early), with the reason: erasure follows the retention period again.</summary>
public sealed record CaseLegalHoldLifted(Guid ApplicationId, string Reason, string RecordedBy, DateTimeOffset RecordedAt) : IApplicationEvent;
