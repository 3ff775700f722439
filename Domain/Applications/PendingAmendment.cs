namespace Fachwerk.Domain.Applications;

/// <summary>
/// An amendment not yet in force: proposed and waiting for the second person, or confirmed and (a raise) waiting for the budget
/// workflow to commit the extra money.
/// </summary>
public sealed record PendingAmendment(
    int Number, AmendmentTerms Terms, IReadOnlyList<AmendmentChange> Changes, string Reason, DateOnly EffectiveFrom, string ProposedBy,
    string? ConfirmedBy = null)
{
    public bool Confirmed => ConfirmedBy is not null;
}
