namespace Fachwerk.Domain.Programmes;

/// <summary>What a call does with a submission after its last day.</summary>
public enum LateSubmissions
{
    /// <summary>The last day is a hard deadline (Ausschlussfrist): later submissions are refused.</summary>
    Refused,

    /// <summary>
    /// Later submissions are still taken while the call is not closed and no later call has started, and recorded as late with
    /// the days past the last day.
    /// </summary>
    AcceptedAsLate,
}
