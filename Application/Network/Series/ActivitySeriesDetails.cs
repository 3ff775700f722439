using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Domain.Network.Series;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Fachwerk.Application.Network.Series;

/// <summary>A series of recurring activities: name, kind, rhythm, organisers. Its occurrences are read with it.</summary>
public sealed record ActivitySeriesDetails
{
    /// <summary>The series' id.</summary>
    public Guid Id { get; init; }
    /// <summary>Its version.</summary>
    public long Version { get; init; }
    /// <summary>Its name.</summary>
    public string Name { get; init; } = "";
    /// <summary>The kind of its activities.</summary>
    public ActivityKind Kind { get; init; }
    /// <summary>How often they recur.</summary>
    public Recurrence Recurrence { get; init; }
    /// <summary>Who runs it.</summary>
    public IReadOnlyList<NetworkParty> Organisers { get; init; } = [];
    /// <summary>The alliance whose work it is, if any.</summary>
    public Guid? AllianceId { get; init; }
    /// <summary>The day it was started.</summary>
    public DateOnly StartedOn { get; init; }
}

public sealed partial class ActivitySeriesDetailsProjection : SingleStreamProjection<ActivitySeriesDetails, Guid>
{
    public static ActivitySeriesDetails Create(IEvent<ActivitySeriesStarted> e) => new()
    {
        Id = e.Data.SeriesId,
        Version = e.Version,
        Name = e.Data.Name,
        Kind = e.Data.Kind,
        Recurrence = e.Data.Recurrence,
        Organisers = e.Data.Organisers,
        AllianceId = e.Data.AllianceId,
        StartedOn = e.Data.StartedOn,
    };
}
