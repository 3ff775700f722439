namespace Fachwerk.Domain.Pilots;

/// <summary>A spending of the pilot as it now stands: its current values after any corrections, or cancelled (ADR 0127).</summary>
/// <param name="Id">The spending's stable id, given when it was recorded.</param>
/// <param name="Spending">Its current values.</param>
/// <param name="Cancelled">Whether it was cancelled: it then counts against no source and changes no more.</param>
public sealed record RecordedSpending(Guid Id, PilotSpending Spending, bool Cancelled = false);
