using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Audit;

/// <summary>
/// One event of a stream as an auditor reads it: when, what (labelled in German and English), who (the user id the command
/// was authenticated as, and the <c>RecordedBy</c> the event itself carries), why (the command's reason), through which
/// command, and how it relates to other events (correlation and causation ids). <see cref="Data"/> is the event as stored.
/// </summary>
/// <param name="Version">The event's version in its stream.</param>
/// <param name="Sequence">Its position in the whole store.</param>
/// <param name="EventId">The event's id.</param>
/// <param name="EventType">The event's type.</param>
/// <param name="Label">What happened, in German and English.</param>
/// <param name="Timestamp">When it was stored.</param>
/// <param name="UserId">The user id the command was authenticated as.</param>
/// <param name="RecordedBy">Who the event itself says acted.</param>
/// <param name="RecordedAt">When the event itself says it happened.</param>
/// <param name="Reason">The reason the command gave.</param>
/// <param name="Command">The command that recorded it.</param>
/// <param name="CorrelationId">Groups the events of one request and what followed from it.</param>
/// <param name="CausationId">The request or message that caused the event.</param>
/// <param name="Data">The event as stored.</param>
public sealed record TimelineEntry(
    long Version,
    long Sequence,
    Guid EventId,
    string EventType,
    Label Label,
    DateTimeOffset Timestamp,
    string? UserId,
    string? RecordedBy,
    DateTimeOffset? RecordedAt,
    string? Reason,
    string? Command,
    string? CorrelationId,
    string? CausationId,
    object Data)
{
    public static TimelineEntry From(IEvent e) =>
        new(e.Version, e.Sequence, e.Id, e.EventTypeName, EventLabels.For(e.EventType), e.Timestamp, e.UserName,
            (e.Data as IRecordedFact)?.RecordedBy, (e.Data as IRecordedFact)?.RecordedAt,
            Header(e, CommandMetadata.ReasonHeader), Header(e, CommandMetadata.CommandHeader), e.CorrelationId, e.CausationId, e.Data);

    private static string? Header(IEvent e, string name) =>
        e.Headers is not null && e.Headers.TryGetValue(name, out var value) && value is not null ? value.ToString() : null;
}

/// <summary>Every event of one stream, in order.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="Kind">What the stream is (application, programme, alliance, ...).</param>
/// <param name="KindLabel">Its name in German and English.</param>
/// <param name="Version">Its version now.</param>
/// <param name="Entries">Every event, in order.</param>
public sealed record StreamTimeline(Guid StreamId, string Kind, Label KindLabel, long Version, IReadOnlyList<TimelineEntry> Entries);

public static class StreamTimelines
{
    /// <summary>The timeline of a stream up to <paramref name="version"/> (0: all of it); null when the stream has no events.</summary>
    public static async Task<StreamTimeline?> LoadAsync(IQuerySession session, Guid streamId, long version, CancellationToken cancellation)
    {
        var events = await session.Events.FetchStreamAsync(streamId, version, token: cancellation);
        if (events.Count == 0) return null;

        var kind = AuditedAggregates.StartedBy(events[0].EventType);
        return new StreamTimeline(streamId, kind?.Kind ?? "unknown", kind?.Label ?? AuditedAggregates.Unknown, events[^1].Version,
            [.. events.Select(TimelineEntry.From)]);
    }
}

public static class GetStreamTimelineEndpoint
{
    /// <summary>
    /// Shows the full timeline of any record. Every event of an application, programme, alliance, organisation or pilot in order,
    /// with time, actor, reason, command, correlation and causation.
    /// </summary>
    [Authorize(Roles = Roles.Auditors)]
    [WolverineGet("/api/audit/streams/{streamId}/timeline")]
    [ProducesResponseType<StreamTimeline>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid streamId, IQuerySession session, CancellationToken cancellation) =>
        await StreamTimelines.LoadAsync(session, streamId, 0, cancellation) is { } timeline
            ? Results.Ok(timeline)
            : AuditProblems.StreamNotFound(streamId);
}
