using System.Collections.Immutable;

namespace Fachwerk.Domain.Programmes;

/// <summary>
/// What a programme has committed, per alliance, after each of its events: a commitment adds, a release subtracts, and an
/// alliance with nothing committed drops out; a call's sum moves when the commitment counts against it. The programme's write
/// model and its read models all keep their sums with this.
/// </summary>
public static class CommittedSums
{
    public static ImmutableDictionary<Guid, decimal> After(ImmutableDictionary<Guid, decimal> committed, object @event) => @event switch
    {
        FundsCommitted commitment => Moved(committed, commitment.AllianceId, commitment.Amount),
        FundsReleased release => Moved(committed, release.AllianceId, -release.Amount),
        _ => committed,
    };

    /// <summary>The calls after a commitment or release counted against one of them; the same calls otherwise.</summary>
    public static IEnumerable<ProgrammeCall> AfterForCalls(IEnumerable<ProgrammeCall> calls, object @event) => @event switch
    {
        FundsCommitted { CallNumber: { } number } commitment => calls.Select(c => c.Number == number ? c with { Committed = c.Committed + commitment.Amount } : c),
        FundsReleased { CallNumber: { } number } release => calls.Select(c => c.Number == number ? c with { Committed = c.Committed - release.Amount } : c),
        _ => calls,
    };

    private static ImmutableDictionary<Guid, decimal> Moved(ImmutableDictionary<Guid, decimal> committed, Guid allianceId, decimal by)
    {
        var sum = committed.GetValueOrDefault(allianceId) + by;
        return sum == 0 ? committed.Remove(allianceId) : committed.SetItem(allianceId, sum);
    }
}
