using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network.Activities;

namespace Fachwerk.Domain.Network.Series;

/// <summary>How often the activities of a series recur.</summary>
public enum Recurrence
{
    Yearly,
    HalfYearly,
    Quarterly,
    Monthly,

    /// <summary>Now and then, without a fixed rhythm (e.g. a forum series).</summary>
    Irregular,
}

/// <summary>
/// A series of recurring activities of one kind was started (e.g. the yearly returner days of a district), so that its
/// occurrences can be compared year on year.
/// </summary>
public sealed record ActivitySeriesStarted(
    Guid SeriesId,
    string Name,
    ActivityKind Kind,
    Recurrence Recurrence,
    IReadOnlyList<NetworkParty> Organisers,
    Guid? AllianceId,
    DateOnly StartedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;
