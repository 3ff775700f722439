using Fachwerk.Domain.Applications;

namespace Fachwerk.Application.Applications;

/// <summary>
/// One version of the approved decision (ADR 0121): the approval is version 1, each confirmed amendment, reduction and reclaim adds
/// one, so every change of the amount in force is a version.
/// </summary>
/// <param name="Version">The version's number, from 1.</param>
/// <param name="EffectiveFrom">The day it is in force from.</param>
/// <param name="Amount">The approved amount, in EUR.</param>
/// <param name="ProjectEnd">The project's last day.</param>
/// <param name="Conditions">The conditions (Nebenbestimmungen).</param>
/// <param name="CostPlan">The financing it rests on.</param>
/// <param name="Changes">What changed from the version before; none for version 1.</param>
/// <param name="Reason">Why the decision was amended; none for version 1.</param>
/// <param name="ProposedBy">Who proposed it.</param>
/// <param name="ConfirmedBy">Who confirmed it (the second person).</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Kind">Which act made the version.</param>
/// <param name="ChangeNotice">The change notice (Änderungsbescheid) issued for an amendment's version, once it is attached.</param>
public sealed record DecisionVersionRecord(
    int Version, DateOnly EffectiveFrom, decimal Amount, DateOnly ProjectEnd, IReadOnlyList<string> Conditions, CostPlan CostPlan,
    IReadOnlyList<AmendmentChange> Changes, string? Reason, string? ProposedBy, string? ConfirmedBy, DateTimeOffset RecordedAt,
    DecisionVersionKind Kind = DecisionVersionKind.Approval, Guid? ChangeNotice = null);

/// <summary>The act that made a decision version.</summary>
public enum DecisionVersionKind
{
    /// <summary>The approval (version 1).</summary>
    Approval,

    /// <summary>A confirmed amendment (four-eyes), with its change notice.</summary>
    Amendment,

    /// <summary>The caseworker lowered the approved amount (the difference went back to the programme).</summary>
    Reduction,

    /// <summary>A reclaim revoked part or all of the grant (Teilwiderruf); what was paid beyond the new amount is to be repaid.</summary>
    Reclaim,
}

/// <summary>What became of a proposed amendment.</summary>
public enum AmendmentOutcome
{
    /// <summary>Waiting for the second person.</summary>
    Proposed,

    /// <summary>Confirmed; the budget workflow commits the raise.</summary>
    AwaitingCommitment,
    InForce,
    Returned,

    /// <summary>Confirmed, but the raise could not be funded.</summary>
    Blocked,
}

/// <summary>An amendment as proposed, and what became of it.</summary>
/// <param name="Number">The amendment's number within the application, from 1.</param>
/// <param name="Terms">What it changes (what it leaves out stays).</param>
/// <param name="Changes">The kinds of change.</param>
/// <param name="Reason">Why the decision is amended.</param>
/// <param name="EffectiveFrom">The day it is to be in force from.</param>
/// <param name="ProposedBy">Who proposed it.</param>
/// <param name="ProposedAt">When.</param>
/// <param name="Outcome">What became of it.</param>
/// <param name="DecidedBy">Who confirmed or returned it.</param>
/// <param name="OutcomeReason">Why it was returned or blocked.</param>
public sealed record AmendmentRecord(
    int Number, AmendmentTerms Terms, IReadOnlyList<AmendmentChange> Changes, string Reason, DateOnly EffectiveFrom, string ProposedBy,
    DateTimeOffset ProposedAt, AmendmentOutcome Outcome, string? DecidedBy = null, string? OutcomeReason = null);

public sealed partial record ApplicationDetails
{
    /// <summary>The versions of the approved decision, oldest first, each with what changed.</summary>
    public IReadOnlyList<DecisionVersionRecord> DecisionVersions { get; init; } = [];

    /// <summary>Every amendment proposed, oldest first, with its outcome.</summary>
    public IReadOnlyList<AmendmentRecord> Amendments { get; init; } = [];

    /// <summary>The amendment proposed or confirmed and not yet in force, if any.</summary>
    public AmendmentRecord? PendingAmendment => Amendments.LastOrDefault(a => a.Outcome is AmendmentOutcome.Proposed or AmendmentOutcome.AwaitingCommitment);
}
