using System.Collections.Immutable;

namespace Fachwerk.Domain.Programmes;

/// <summary>
/// What a programme has committed, per alliance, after each of its events: a commitment adds, a release subtracts, and an
/// alliance with nothing committed drops out. The programme's write model and its read models all keep their sums with this.
/// </summary>
public static class CommittedSums
{
    public static ImmutableDictionary<Guid, decimal> After(ImmutableDictionary<Guid, decimal> committed, object @event) => @event switch
    {
        FundsCommitted commitment => Moved(committed, commitment.AllianceId, commitment.Amount),
        FundsReleased release => Moved(committed, release.AllianceId, -release.Amount),
        _ => committed,
    };

    private static ImmutableDictionary<Guid, decimal> Moved(ImmutableDictionary<Guid, decimal> committed, Guid allianceId, decimal by)
    {
        var sum = committed.GetValueOrDefault(allianceId) + by;
        return sum == 0 ? committed.Remove(allianceId) : committed.SetItem(allianceId, sum);
    }
}
