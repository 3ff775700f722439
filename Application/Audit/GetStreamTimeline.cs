using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using JasperFx.Events;
using Marten;
using Marten.Storage;
using FluentValidation;
using Npgsql;
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
        new(e.Version, e.Sequence, e.Id, e.EventTypeName, EventLabels.Of(e.Data, e.EventType), e.Timestamp, e.UserName,
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

    /// <summary>The kinds of event (with how often each occurs) and the user ids in a stream: the values its filters offer.</summary>
    public static async Task<(IReadOnlyList<TimelineKind> Kinds, IReadOnlyList<string> People)> FacetsAsync(
        IDocumentStore store, Guid streamId, CancellationToken cancellation)
    {
        var kinds = new List<TimelineKind>();
        var people = new SortedSet<string>(StringComparer.Ordinal);
        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"SELECT type, user_name, count(*), min(mt_dotnet_type) FROM {store.Options.Events.DatabaseSchemaName}.mt_events " +
            "WHERE stream_id = @stream GROUP BY type, user_name ORDER BY min(version)", connection);
        command.Parameters.AddWithValue("stream", streamId);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var labels = new Dictionary<string, Label>(StringComparer.Ordinal);
        var order = new List<string>();
        while (await reader.ReadAsync(cancellation))
        {
            var type = reader.GetString(0);
            if (!await reader.IsDBNullAsync(1, cancellation)) people.Add(reader.GetString(1));
            if (!counts.ContainsKey(type))
            {
                order.Add(type);
                labels[type] = EventLabels.For(await reader.IsDBNullAsync(3, cancellation) ? null : Type.GetType(reader.GetString(3)));
            }

            counts[type] = counts.GetValueOrDefault(type) + reader.GetInt64(2);
        }

        kinds.AddRange(order.Select(type => new TimelineKind(type, labels[type], counts[type])));
        return (kinds, [.. people]);
    }
}

/// <summary>Which events of a stream's timeline to answer: of one kind, by one person, one page at a time (oldest first).</summary>
/// <param name="Kind">Only events of this type (as in <c>eventType</c>, e.g. <c>application_submitted</c>).</param>
/// <param name="Person">Only events recorded under this user id.</param>
/// <param name="Page">The page to answer, 1 to 100,000.</param>
/// <param name="PageSize">Events per page, 1 to 200 (default 50).</param>
public sealed record TimelineQuery(string? Kind = null, string? Person = null, int Page = 1, int PageSize = TimelineQuery.DefaultPageSize) : IPagedQuery
{
    /// <summary>A timeline page holds more than a list's: an application's whole life fits on one or two.</summary>
    public const int DefaultPageSize = 50;
}

public sealed class TimelineQueryValidator : AbstractValidator<TimelineQuery>
{
    public TimelineQueryValidator()
    {
        RuleFor(x => x.Kind).MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.Person).MaximumLength(CommonRules.ShortTextLength);
        this.PagingRules();
    }
}

/// <summary>One kind of event that occurs in a stream, for choosing a filter.</summary>
/// <param name="EventType">The event's type, the value of the <c>kind</c> filter.</param>
/// <param name="Label">What it means, in German and English.</param>
/// <param name="Count">How often it occurs in the stream.</param>
public sealed record TimelineKind(string EventType, Label Label, long Count);

/// <summary>One page of a stream's timeline, with the kinds of event and the people that occur in the whole stream.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="Kind">What the stream is (application, programme, alliance, ...).</param>
/// <param name="KindLabel">Its name in German and English.</param>
/// <param name="Version">Its version now.</param>
/// <param name="Entries">The events of this page, oldest first.</param>
/// <param name="PageNumber">The number of this page, from 1.</param>
/// <param name="PageSize">How many events a page holds at most.</param>
/// <param name="TotalEntries">How many events match the filter, on all pages.</param>
/// <param name="PageCount">How many pages there are.</param>
/// <param name="Next">The address of the next page with the same filter; none on the last page.</param>
/// <param name="Previous">The address of the previous page; none on the first.</param>
/// <param name="EventKinds">Every kind of event in the stream, for the <c>kind</c> filter.</param>
/// <param name="People">Every user id that recorded events in the stream, for the <c>person</c> filter.</param>
public sealed record StreamTimelinePage(
    Guid StreamId,
    string Kind,
    Label KindLabel,
    long Version,
    IReadOnlyList<TimelineEntry> Entries,
    long PageNumber,
    long PageSize,
    long TotalEntries,
    long PageCount,
    string? Next,
    string? Previous,
    IReadOnlyList<TimelineKind> EventKinds,
    IReadOnlyList<string> People);

public static class GetStreamTimelineEndpoint
{
    /// <summary>
    /// Shows the timeline of any record, one page at a time: the events of an application, programme, alliance, organisation
    /// or pilot in order, with time, actor, reason, command, correlation and causation; filtered by kind of event or person.
    /// </summary>
    /// <remarks>Follow <c>next</c> for the following page; <c>eventKinds</c> and <c>people</c> list the filter values the stream has.</remarks>
    [Authorize(Roles = Roles.Auditors)]
    [WolverineGet("/api/audit/streams/{streamId}/timeline")]
    [ProducesResponseType<StreamTimelinePage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(
        Guid streamId, [FromQuery] TimelineQuery query, IQuerySession session, IDocumentStore store, CancellationToken cancellation)
    {
        var first = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == streamId && e.Version == 1).FirstOrDefaultAsync(cancellation);
        var state = await session.Events.FetchStreamStateAsync(streamId, cancellation);
        if (first is null || state is null) return AuditProblems.StreamNotFound(streamId);

        var events = session.Events.QueryAllRawEvents().Where(e => e.StreamId == streamId);
        if (!string.IsNullOrEmpty(query.Kind)) events = events.Where(e => e.EventTypeName == query.Kind);
        if (!string.IsNullOrEmpty(query.Person)) events = events.Where(e => e.UserName == query.Person);
        var total = await events.LongCountAsync(cancellation);
        var page = await events.OrderBy(e => e.Version).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellation);
        var pages = (total + query.PageSize - 1) / query.PageSize;
        var (kinds, people) = await StreamTimelines.FacetsAsync(store, streamId, cancellation);

        var kind = AuditedAggregates.StartedBy(first.EventType);
        return Results.Ok(new StreamTimelinePage(streamId, kind?.Kind ?? "unknown", kind?.Label ?? AuditedAggregates.Unknown, state.Version,
            [.. page.Select(TimelineEntry.From)], query.Page, query.PageSize, total, pages,
            query.Page < pages ? PageAddress(streamId, query with { Page = query.Page + 1 }) : null,
            query.Page > 1 ? PageAddress(streamId, query with { Page = Math.Min(query.Page - 1, (int)Math.Max(pages, 1)) }) : null,
            kinds, people));
    }

    private static string PageAddress(Guid streamId, TimelineQuery query)
    {
        var address = $"/api/audit/streams/{streamId}/timeline?page={query.Page}&pageSize={query.PageSize}";
        if (!string.IsNullOrEmpty(query.Kind)) address += "&kind=" + Uri.EscapeDataString(query.Kind);
        if (!string.IsNullOrEmpty(query.Person)) address += "&person=" + Uri.EscapeDataString(query.Person);
        return address;
    }
}
