using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network.Activities;

namespace Fachwerk.Domain.Network.Series;

/// <summary>Write model of a series of recurring activities; its occurrences are activities that name it.</summary>
public sealed record ActivitySeries(Guid Id, string Name, ActivityKind Kind, Recurrence Recurrence, Guid? AllianceId) : IEventSourced<ActivitySeries>
{
    public static ActivitySeries Evolve(ActivitySeries? series, object @event) => (series, @event) switch
    {
        (null, ActivitySeriesStarted started) => new ActivitySeries(started.SeriesId, started.Name, started.Kind, started.Recurrence, started.AllianceId),
        (null, _) => throw new UnexpectedFirstEventException(typeof(ActivitySeries), @event),
        _ => series,
    };

    public static ActivitySeriesStarted Start(
        Guid seriesId, string name, ActivityKind kind, Recurrence recurrence, IReadOnlyList<NetworkParty> organisers, Guid? allianceId,
        DateOnly startedOn, Stamp stamp)
    {
        var listed = NetworkRules.EachOnce(organisers, "series.duplicate-organiser");
        if (listed.Count == 0)
            throw new RuleViolation("series.no-organiser", "A series has at least one organiser.");
        return new ActivitySeriesStarted(seriesId, name.Trim(), kind, recurrence, listed, allianceId, startedOn, stamp.By, stamp.At);
    }
}
