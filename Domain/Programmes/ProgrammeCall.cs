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
public sealed record ProgrammeCall(int Number, string Name, Period Window, decimal? Budget, DateTimeOffset? ClosedAt = null)
{
    /// <summary>Whether an application submitted at <paramref name="at"/>, a German calendar day <paramref name="day"/>, falls into the call.</summary>
    public bool TakesSubmissions(DateOnly day, DateTimeOffset at) => Window.Contains(day) && (ClosedAt is null || at < ClosedAt);
}
