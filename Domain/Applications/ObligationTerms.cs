namespace Fachwerk.Domain.Applications;

/// <summary>
/// An obligation as the terms of a proposed approval state it (ADR 0126): imposed as proposed when the approval is in force, numbered then.
/// </summary>
/// <param name="Kind">What the recipient is obliged to do.</param>
/// <param name="Description">The obligation in the notice's words.</param>
/// <param name="StartsOn">The first day of the obligation.</param>
/// <param name="Months">How many whole months it runs (1 to 360).</param>
/// <param name="RequiredEvidence">The evidence required, e.g. a confirmation of the association of statutory health insurance physicians.</param>
/// <param name="EvidenceDueDates">The days evidence is due: from the first day of the obligation to a year after its last.</param>
public sealed record ObligationTerms(
    ObligationKind Kind, string Description, DateOnly StartsOn, int Months, string RequiredEvidence, IReadOnlyList<DateOnly> EvidenceDueDates);
