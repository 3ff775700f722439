using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.Domain.Applications;

/// <summary>
/// The natural person who applies (ADR 0123): the kind the programme funds, and their personal data sealed with their own key
/// (ADR 0015), whose id is the applicant record's id. After erasure the sealed data are gone from the write model too.
/// </summary>
/// <param name="SubjectId">The person's applicant record, and the id of their key.</param>
/// <param name="Kind">Medical student, doctor, ….</param>
/// <param name="PersonalData">Sealed; none once erased.</param>
/// <param name="RetentionYears">Years their data are kept after the case ended.</param>
/// <param name="Erasure">Who erased the data, when, on which ground; none while they stand.</param>
public sealed record ApplicantPerson(
    Guid SubjectId, PersonApplicantKind Kind, SealedPersonalData? PersonalData, int RetentionYears, ApplicantPersonErasure? Erasure = null)
{
    public bool Erased => Erasure is not null;
}

/// <summary>The erasure of an applicant person's data: the ground of GDPR Art. 17(1), the day of the request, a file number, who and when.</summary>
/// <param name="LegalBasis">The ground for erasure.</param>
/// <param name="RequestedOn">The day the person asked.</param>
/// <param name="RequestReference">The file number of the request.</param>
/// <param name="ErasedBy">Who erased the data.</param>
/// <param name="ErasedAt">When.</param>
public sealed record ApplicantPersonErasure(ErasureGround LegalBasis, DateOnly RequestedOn, string? RequestReference, string ErasedBy, DateTimeOffset ErasedAt);

/// <summary>A legal hold on the case's records: until that day, erasure is refused (GDPR Art. 17(3)(b)).</summary>
/// <param name="HeldUntil">The last day the records must be kept.</param>
/// <param name="LegalBasis">Why they must be kept.</param>
/// <param name="PlacedBy">Who placed the hold.</param>
/// <param name="PlacedAt">When.</param>
public sealed record CaseLegalHold(DateOnly HeldUntil, string LegalBasis, string PlacedBy, DateTimeOffset PlacedAt);
