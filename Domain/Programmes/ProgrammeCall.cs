using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Programmes;

/// <summary>
/// A call for applications (Förderaufruf) of a programme: applications are submitted within its window (German calendar days,
/// both inclusive) unless it was closed early. Numbered from 1 within the programme.
/// </summary>
/// <param name="Number">Its number within the programme.</param>
/// <param name="Name">Its name, e.g. "2. Förderaufruf 2026".</param>
/// <param name="Window">The days applications may be submitted.</param>
/// <param name="Budget">The money set aside for it, in EUR, if any.</param>
/// <param name="ClosedAt">When it was closed before its window ended, if it was.</param>
/// <param name="Late">Whether its last day is a hard deadline or later submissions are taken as late.</param>
/// <param name="Committed">What is committed to approved applications submitted to it, in EUR.</param>
public sealed record ProgrammeCall(
    int Number,
    string Name,
    Period Window,
    decimal? Budget,
    DateTimeOffset? ClosedAt = null,
    LateSubmissions Late = LateSubmissions.Refused,
    decimal Committed = 0)
{
    /// <summary>What is left of its budget, in EUR; none when it has no budget of its own.</summary>
    public decimal? Remaining => Budget - Committed;


    /// <summary>Whether an application submitted at <paramref name="at"/>, a German calendar day <paramref name="day"/>, falls into the call.</summary>
    public bool TakesSubmissions(DateOnly day, DateTimeOffset at) => Window.Contains(day) && IsOpenAt(at);

    /// <summary>Whether it takes a submission at <paramref name="at"/>, German calendar day <paramref name="day"/>, as late: after its last day, when it accepts late ones and is not closed.</summary>
    public bool TakesLate(DateOnly day, DateTimeOffset at) => Late == LateSubmissions.AcceptedAsLate && day > Window.To && IsOpenAt(at);

    private bool IsOpenAt(DateTimeOffset at) => ClosedAt is null || at < ClosedAt;
}
