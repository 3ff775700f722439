namespace Fachwerk.Domain.Applications;

/// <summary>
/// What a proposed approval grants: the amount (at most the requested one), its conditions, a reason when it exceeds the
/// alliance's planning budget, an instalment retained until the final proof of use is checked, and the interim proofs' due
/// dates (else the defaults apply).
/// </summary>
public sealed record ApprovalTerms(
    decimal Amount,
    IReadOnlyList<string> Conditions,
    string? PlanningExceedanceReason = null,
    decimal RetainedFinalInstalment = 0,
    IReadOnlyList<DateOnly>? InterimProofDueDates = null);
