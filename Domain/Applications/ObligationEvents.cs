namespace Fachwerk.Domain.Applications;

/// <summary>
/// The grant obliges its recipient (ADR 0123): kind, period, required evidence and the days it is due. Imposed with the approval of proposal
/// <paramref name="ProposalNumber"/> (its terms, under four eyes, ADR 0126), with decision version <paramref name="DecisionVersion"/> that an
/// amendment put in force (under four eyes, ADR 0129), or later by a caseworker on the approved grant (neither).
/// </summary>
public sealed record ObligationImposed(
    Guid ApplicationId, int Number, ObligationKind Kind, string Description, DateOnly StartsOn, int Months, string RequiredEvidence,
    IReadOnlyList<DateOnly> EvidenceDueDates, string RecordedBy, DateTimeOffset RecordedAt, int? ProposalNumber = null, int? DecisionVersion = null)
    : IApplicationEvent;

/// <summary>
/// Decision version <paramref name="DecisionVersion"/> (amendment <paramref name="AmendmentNumber"/>, ADR 0129) changed obligation
/// <paramref name="Number"/>: its terms from then on. Evidence recorded for a due day it keeps stays recorded.
/// </summary>
public sealed record ObligationAmended(
    Guid ApplicationId, int Number, ObligationKind Kind, string Description, DateOnly StartsOn, int Months, string RequiredEvidence,
    IReadOnlyList<DateOnly> EvidenceDueDates, int DecisionVersion, int AmendmentNumber, string RecordedBy, DateTimeOffset RecordedAt) : IApplicationEvent;

/// <summary>
/// Decision version <paramref name="DecisionVersion"/> (amendment <paramref name="AmendmentNumber"/>, ADR 0129) lifted obligation
/// <paramref name="Number"/>: no more evidence is due and it can no longer be breached.
/// </summary>
public sealed record ObligationLifted(Guid ApplicationId, int Number, int DecisionVersion, int AmendmentNumber, string RecordedBy, DateTimeOffset RecordedAt)
    : IApplicationEvent;

/// <summary>Evidence of an obligation was recorded against one of its due days.</summary>
public sealed record ObligationEvidenceRecorded(Guid ApplicationId, int Number, DateOnly DueBy, string Evidence, string RecordedBy, DateTimeOffset RecordedAt)
    : IApplicationEvent;

/// <summary>A due day of an obligation passed without evidence (the timer checked the state).</summary>
public sealed record ObligationEvidenceOverdue(Guid ApplicationId, int Number, DateOnly DueBy, string RecordedBy, DateTimeOffset RecordedAt)
    : IApplicationEvent;

/// <summary>
/// The recipient broke the obligation after <paramref name="FulfilledMonths"/> months; <paramref name="Reclaimed"/> is the pro-rata share
/// of the paid grant demanded back (followed by <see cref="ReclaimDemanded"/> in the same command).
/// </summary>
public sealed record ObligationBreached(Guid ApplicationId, int Number, int FulfilledMonths, decimal Reclaimed, string RecordedBy, DateTimeOffset RecordedAt)
    : IApplicationEvent;
