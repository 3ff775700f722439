using Fachwerk.Domain.Applications;

namespace Fachwerk.Web.Applications.Actions;

/// <summary>
/// One obligation (Auflage) on the approval proposal form (ADR 0126), as typed: the due days one per line. A row left entirely blank is
/// not sent.
/// </summary>
public sealed class ObligationRow
{
    public ObligationKind Kind { get; set; } = ObligationKind.PractiseInDistrict;

    public string? Description { get; set; }

    public DateOnly? StartsOn { get; set; }

    public int? Months { get; set; }

    public string? RequiredEvidence { get; set; }

    public string? DueDates { get; set; }

    /// <summary>Whether the user typed anything into the row (the kind alone does not count).</summary>
    public bool IsSent => !string.IsNullOrWhiteSpace(Description) || StartsOn is not null || Months is not null
                          || !string.IsNullOrWhiteSpace(RequiredEvidence) || !string.IsNullOrWhiteSpace(DueDates);
}
