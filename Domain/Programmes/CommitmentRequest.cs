namespace Fachwerk.Domain.Programmes;

/// <summary>
/// An approval asking the programme to reserve money: for which application of which alliance, how much, with what own
/// contribution of the applicant, the reason when it exceeds the alliance's planning budget, the call the application was
/// submitted to (whose own budget it counts against), if any, and the project's district. <paramref name="Raise"/>: an amendment
/// asks for <paramref name="Amount"/> more on top of what the application holds already (ADR 0121).
/// </summary>
public sealed record CommitmentRequest(
    Guid ApplicationId, Guid AllianceId, decimal Amount, decimal OwnContribution, string? PlanningExceedanceReason, int? CallNumber = null,
    string? District = null, bool Raise = false);
