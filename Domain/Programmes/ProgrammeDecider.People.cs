using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Programmes;

public static partial class ProgrammeDecider
{
    /// <summary>The longest retention a programme may state: 30 years covers every funding regulation's retention rule.</summary>
    public const int MaxRetentionYears = 30;

    /// <summary>
    /// States which natural persons may apply to the programme (none: organisations only) and how many years their personal data are
    /// kept after their case ended. Unchanged rules record nothing.
    /// </summary>
    public static IReadOnlyList<object> SetPersonApplicants(
        FundingProgramme programme, IReadOnlyList<PersonApplicantKind> kinds, int retentionYears, Stamp stamp)
    {
        if (retentionYears is < 0 or > MaxRetentionYears)
            throw new RuleViolation("programme.retention-out-of-range",
                $"Personal data are kept from 0 to {MaxRetentionYears} years after the case ended; {retentionYears} given.");
        var distinct = kinds.Distinct().Order().ToList();
        var current = programme.PersonApplicants;
        if (distinct.SequenceEqual(current.Kinds.Order()) && retentionYears == current.RetentionYears)
            return [];
        return [new ProgrammePersonApplicantsSet(programme.Id, distinct, retentionYears, stamp.By, stamp.At)];
    }
}
