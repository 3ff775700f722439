using Fachwerk.Domain.Programmes;

namespace Fachwerk.Application.Applications;

/// <summary>That a natural person applies, of which kind, and whether their data were erased; never their data (ADR 0123).</summary>
/// <param name="Kind">Medical student, doctor, ….</param>
/// <param name="Erased">Whether their personal data were erased.</param>
public sealed record ApplicantPersonFacts(PersonApplicantKind Kind, bool Erased);

public sealed partial record ApplicationDetails
{
    /// <summary>The natural person who applies, if one does: their kind and whether their data were erased (the data: GET .../applicant-person).</summary>
    public ApplicantPersonFacts? ApplicantPerson { get; init; }

    /// <summary>A legal hold on the case's records, until that day.</summary>
    public DateOnly? LegalHoldUntil { get; init; }
}
