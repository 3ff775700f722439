namespace Fachwerk.Domain.Applications;

/// <summary>
/// What a proposed approval grants: the amount (at most the requested one), its conditions, a reason when it exceeds the
/// alliance's planning budget, an instalment retained until the final proof of use is checked, the interim proofs' due
/// dates (else the defaults apply), and the obligations the grant imposes (Auflagen, ADR 0126).
/// </summary>
public sealed record ApprovalTerms(
    decimal Amount,
    IReadOnlyList<string> Conditions,
    string? PlanningExceedanceReason = null,
    decimal RetainedFinalInstalment = 0,
    IReadOnlyList<DateOnly>? InterimProofDueDates = null,
    IReadOnlyList<ObligationTerms>? Obligations = null);
