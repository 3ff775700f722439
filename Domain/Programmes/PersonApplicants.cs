using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Programmes;

/// <summary>The kinds of natural persons a programme may fund directly (e.g. a district's guideline for recruiting doctors).</summary>
public enum PersonApplicantKind
{
    /// <summary>A student of medicine, e.g. funded during the studies against practising in the district afterwards.</summary>
    MedicalStudent,

    /// <summary>A doctor settling or taking up work in the district.</summary>
    Doctor,
}

/// <summary>
/// Whether, and which, natural persons may apply to a programme, and how long their personal data are kept after their case ended
/// (the retention period before an erasure request is granted, ADR 0123). No kinds: organisations only.
/// </summary>
/// <param name="Kinds">The kinds of persons who may apply; empty: organisations only.</param>
/// <param name="RetentionYears">Whole years the personal data are kept after the case ended (closed, rejected, withdrawn, lapsed).</param>
public sealed record PersonApplicants(IReadOnlyList<PersonApplicantKind> Kinds, int RetentionYears)
{
    /// <summary>The rule of programmes that never said: only organisations apply.</summary>
    public static readonly PersonApplicants None = new([], 0);

    public bool Allow(PersonApplicantKind kind) => Kinds.Contains(kind);

    /// <summary>Whether any natural persons may apply (false: organisations only).</summary>
    public bool Any => Kinds.Count > 0;
}

/// <summary>The programme states which natural persons may apply and how long their data are kept after their case ended.</summary>
public sealed record ProgrammePersonApplicantsSet(
    Guid ProgrammeId, IReadOnlyList<PersonApplicantKind> Kinds, int RetentionYears, string RecordedBy, DateTimeOffset RecordedAt) : IRecordedFact;
