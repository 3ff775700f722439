using System.Globalization;
using Fachwerk.Application.Common;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Audit;

/// <summary>A moment in a stream's life: a version, or a point in time (the last event recorded at or before it). Neither: now.</summary>
/// <param name="Version">The version to show the record at.</param>
/// <param name="At">The moment to show the record at: the last event recorded at or before it.</param>
public sealed record AsOfQuery(long? Version = null, DateTimeOffset? At = null);

public sealed class AsOfQueryValidator : AbstractValidator<AsOfQuery>
{
    public AsOfQueryValidator()
    {
        RuleFor(x => x.Version).GreaterThanOrEqualTo(1).WithMessage("Versions start at 1.");
        RuleFor(x => x.At).Null().When(x => x.Version is not null).WithMessage("Give either a version or a moment (at), not both.");
    }
}

/// <summary>
/// A stream as it stood at a moment: the write model the commands were decided on, and the detail read model a user saw
/// (for an application: the caseworker's detail screen). <see cref="Version"/> is the last event included.
/// </summary>
/// <param name="StreamId">The stream.</param>
/// <param name="Kind">What the stream is (application, programme, alliance, ...).</param>
/// <param name="KindLabel">Its name in German and English.</param>
/// <param name="RequestedVersion">The version asked for, if one was.</param>
/// <param name="RequestedAt">The moment asked for, if one was.</param>
/// <param name="Version">The last event included.</param>
/// <param name="VersionRecordedAt">When that event was recorded.</param>
/// <param name="CurrentVersion">The stream's version now.</param>
/// <param name="State">The write model the commands were decided on, as it stood.</param>
/// <param name="Details">The detail view a user saw, as it stood.</param>
/// <param name="Previous">The address of the state one change earlier; none at the first version.</param>
/// <param name="Next">The address of the state one change later; none at the current version.</param>
public sealed record StateAsOf(
    Guid StreamId,
    string Kind,
    Label KindLabel,
    long? RequestedVersion,
    DateTimeOffset? RequestedAt,
    long Version,
    DateTimeOffset VersionRecordedAt,
    long CurrentVersion,
    object? State,
    object? Details,
    string? Previous = null,
    string? Next = null);

public static class StatesAsOf
{
    /// <summary>The stream at <paramref name="version"/> or at <paramref name="at"/> (neither: now); null when it did not exist then.</summary>
    public static async Task<StateAsOf?> LoadAsync(
        IQuerySession session, Guid streamId, long? version, DateTimeOffset? at, CancellationToken cancellation)
    {
        // One round trip: the stream's current state, and its events up to the version or the timestamp (Marten stops
        // there); the last event read is the moment's version.
        var batch = session.CreateBatchQuery();
        var currentState = batch.Events.FetchStreamState(streamId);
        var eventsUpTo = batch.Events.FetchStream(streamId, version ?? 0, at);
        await batch.Execute(cancellation);
        var current = await currentState;
        if (current is null) return null;
        var events = await eventsUpTo;
        if (events.Count == 0) return null;
        var reached = events[^1];
        var kind = AuditedAggregates.StartedBy(events[0].EventType);

        return new StateAsOf(streamId, kind?.Kind ?? "unknown", kind?.Label ?? AuditedAggregates.Unknown, version, at, reached.Version,
            reached.Timestamp, current.Version,
            kind is null ? null : await kind.WriteModelAsync(session, events, cancellation),
            kind is null ? null : await kind.DetailsAsync(session, events, cancellation),
            reached.Version > 1 ? Address(streamId, reached.Version - 1) : null,
            reached.Version < current.Version ? Address(streamId, reached.Version + 1) : null);
    }

    /// <summary>The address of a stream's state at a version: how a client steps from change to change.</summary>
    public static string Address(Guid streamId, long version) => $"/api/audit/streams/{streamId}/state?version={version}";
}

public static class GetStateAsOfEndpoint
{
    /// <summary>
    /// Shows any record as it stood at a version or a moment. Give <c>?version=</c> or <c>?at=2026-03-02T09:00:00Z</c>; answers
    /// the state its commands were decided on and the detail view a user saw then, with the addresses of the states one change
    /// earlier and later (<c>previous</c>, <c>next</c>).
    /// </summary>
    [Authorize(Roles = Roles.Auditors)]
    [WolverineGet("/api/audit/streams/{streamId}/state")]
    [ProducesResponseType<StateAsOf>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid streamId, [FromQuery] AsOfQuery query, IQuerySession session, CancellationToken cancellation)
    {
        var state = await StatesAsOf.LoadAsync(session, streamId, query.Version, query.At, cancellation);
        if (state is not null) return Results.Ok(state);

        return await session.Events.FetchStreamStateAsync(streamId, cancellation) is null
            ? AuditProblems.StreamNotFound(streamId)
            : AuditProblems.NotFound(
                $"Stream {streamId} did not exist yet at {query.At?.ToString("O", CultureInfo.InvariantCulture)}.");
    }
}
