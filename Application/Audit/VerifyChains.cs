using Fachwerk.Application.Common;
using FluentValidation;
using Marten;
using Marten.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Npgsql;
using Wolverine.Http;

namespace Fachwerk.Application.Audit;

public enum ChainBreakKind
{
    /// <summary>The event's stored bytes (data or metadata) no longer give the hash its link recorded.</summary>
    EventAltered,

    /// <summary>A link exists for an event that is no longer stored: the event was deleted.</summary>
    EventMissing,

    /// <summary>An event has no link: it was stored while the chain trigger was not in place.</summary>
    LinkMissing,

    /// <summary>The stream's versions have a hole: an event and its link were both deleted.</summary>
    VersionGap,
}

/// <summary>The first broken link of a stream.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="Version">The version of the first broken link.</param>
/// <param name="Sequence">The event's position in the whole store, where the event still exists.</param>
/// <param name="Kind">How the link is broken: the event was altered, deleted, or is not linked.</param>
/// <param name="Detail">What was found, in words.</param>
/// <param name="ExpectedHash">The hash recomputed from the stored event.</param>
/// <param name="StoredHash">The hash the chain holds.</param>
public sealed record ChainBreak(Guid StreamId, long Version, long? Sequence, ChainBreakKind Kind, string Detail, string? ExpectedHash, string? StoredHash);

/// <summary>One stored link: the hash over the event at <paramref name="Version"/> and the link before it.</summary>
public sealed record ChainLink(long Version, long Sequence, string? PreviousHash, string Hash);

/// <summary>The last link of a stream's chain.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="Version">The version of its last link.</param>
/// <param name="Hash">The hash of its last link.</param>
public sealed record ChainHead(Guid StreamId, long Version, string Hash);

/// <summary>The outcome of recomputing the chains of one stream or of all.</summary>
/// <param name="StreamId">The stream verified, or none when all were.</param>
/// <param name="VerifiedAt">When the chains were recomputed.</param>
/// <param name="Streams">How many streams were verified.</param>
/// <param name="Events">How many events.</param>
/// <param name="Intact">Whether every chain is intact.</param>
/// <param name="Breaks">The first broken link of each broken stream.</param>
public sealed record ChainVerification(
    Guid? StreamId, DateTimeOffset VerifiedAt, int Streams, long Events, bool Intact, IReadOnlyList<ChainBreak> Breaks)
{
    /// <summary>The last stored link of every stream checked, ordered by stream id (as text): what a digest is made of.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<ChainHead> Heads { get; init; } = [];

    /// <summary>The stored documents re-hashed against the events that attached them (those of the stream, when one was verified).</summary>
    public Documents.DocumentVerification? Documents { get; init; }
}

/// <summary>
/// Recomputes the event chains from the stored events in .NET (<see cref="EventChainHash"/>), independently of the
/// database function that wrote the links, and compares every link. Reads one row per event (events and links joined in
/// SQL, streamed in stream and version order), so memory stays flat however large the store is.
/// </summary>
public sealed class EventChainVerifier(IDocumentStore store, TimeProvider clock)
{
    private string Schema => store.Options.Events.DatabaseSchemaName;

    public async Task<ChainVerification> VerifyAsync(Guid? streamId, CancellationToken cancellation)
    {
        var filter = streamId is null ? "" : " AND stream_id = @stream";
        var sql = $"""
            SELECT e.stream_id, e.version, e.seq_id, e.id, e.type, e.timestamp, e.tenant_id, e.user_name, e.correlation_id, e.causation_id,
                   e.headers::text, e.data::text, e.bdata, c.stream_id, c.version, c.seq_id, c.previous_hash, c.hash
            FROM (SELECT * FROM {Schema}.mt_events WHERE type <> 'tombstone'{filter}) e
            FULL OUTER JOIN (SELECT * FROM {Schema}.{EventChainStorage.TableName} WHERE true{filter}) c
                ON c.stream_id = e.stream_id AND c.version = e.version
            ORDER BY coalesce(e.stream_id, c.stream_id), coalesce(e.version, c.version)
            """;

        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        if (streamId is { } id) command.Parameters.AddWithValue("stream", id);
        await using var reader = await command.ExecuteReaderAsync(cancellation);

        var breaks = new List<ChainBreak>();
        var heads = new List<ChainHead>();
        var streams = 0;
        long events = 0;
        StreamWalk? walk = null;
        while (await reader.ReadAsync(cancellation))
        {
            var eventStored = !await reader.IsDBNullAsync(0, cancellation);
            var linkStored = !await reader.IsDBNullAsync(13, cancellation);
            var stream = reader.GetGuid(eventStored ? 0 : 13);
            if (walk?.StreamId != stream)
            {
                walk?.Finish(heads);
                walk = new StreamWalk(stream, breaks);
                streams++;
            }

            if (eventStored) events++;
            if (walk.Break is not null) continue;

            var link = linkStored
                ? new Link(reader.GetInt64(14), reader.GetInt64(15), await reader.IsDBNullAsync(16, cancellation) ? null : reader.GetString(16),
                    reader.GetString(17))
                : null;
            var stored = eventStored
                ? new StoredEvent(stream, reader.GetInt64(1), reader.GetInt64(2), reader.GetGuid(3), reader.GetString(4),
                    reader.GetDateTime(5), Text(reader, 6), Text(reader, 7), Text(reader, 8), Text(reader, 9), Text(reader, 10),
                    reader.GetString(11), await reader.IsDBNullAsync(12, cancellation) ? null : reader.GetFieldValue<byte[]>(12))
                : null;
            walk.Step(stored, link);
        }

        walk?.Finish(heads);

        return new ChainVerification(streamId, clock.GetUtcNow(), streams, events, breaks.Count == 0, breaks)
        {
            Heads = [.. heads.OrderBy(h => h.StreamId.ToString("D"), StringComparer.Ordinal)],
        };
    }

    /// <summary>The stored links of one stream, in version order.</summary>
    public async Task<IReadOnlyList<ChainLink>> LinksAsync(Guid streamId, CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"SELECT version, seq_id, previous_hash, hash FROM {Schema}.{EventChainStorage.TableName} WHERE stream_id = @stream ORDER BY version",
            connection);
        command.Parameters.AddWithValue("stream", streamId);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var links = new List<ChainLink>();
        while (await reader.ReadAsync(cancellation))
            links.Add(new ChainLink(reader.GetInt64(0), reader.GetInt64(1), Text(reader, 2), reader.GetString(3)));
        return links;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private sealed record Link(long Version, long Sequence, string? PreviousHash, string Hash);

    /// <summary>Walks one stream's rows in version order and keeps the first broken link.</summary>
    private sealed class StreamWalk(Guid streamId, List<ChainBreak> breaks)
    {
        private long _expectedVersion = 1;
        private string? _previous;
        private Link? _lastLink;

        public Guid StreamId { get; } = streamId;
        public ChainBreak? Break { get; private set; }

        public void Step(StoredEvent? stored, Link? link)
        {
            if (link is not null) _lastLink = link;
            if (stored is null)
            {
                Fail(link!.Version, link.Sequence, ChainBreakKind.EventMissing,
                    $"Version {link.Version} (sequence {link.Sequence}) has a link but its event is no longer stored: it was deleted.", link.Hash, null);
                return;
            }

            if (stored.Version != _expectedVersion)
            {
                Fail(_expectedVersion, null, ChainBreakKind.VersionGap,
                    $"Versions {_expectedVersion} to {stored.Version - 1} are missing: their events and links were deleted.", null, null);
                return;
            }

            var expected = EventChainHash.Compute(_previous, stored);
            if (link is null)
            {
                Fail(stored.Version, stored.Sequence, ChainBreakKind.LinkMissing,
                    $"Version {stored.Version} (sequence {stored.Sequence}, {stored.Type}) was stored without a chain link.", expected, null);
                return;
            }

            if (!string.Equals(expected, link.Hash, StringComparison.Ordinal) || !string.Equals(_previous, link.PreviousHash, StringComparison.Ordinal)
                || link.Sequence != stored.Sequence)
            {
                Fail(stored.Version, stored.Sequence, ChainBreakKind.EventAltered,
                    $"Version {stored.Version} (sequence {stored.Sequence}, {stored.Type}) does not match its link: the stored event or the chain was changed.",
                    expected, link.Hash);
                return;
            }

            _previous = expected;
            _expectedVersion++;
        }

        public void Finish(List<ChainHead> heads)
        {
            if (_lastLink is not null) heads.Add(new ChainHead(StreamId, _lastLink.Version, _lastLink.Hash));
        }

        private void Fail(long version, long? sequence, ChainBreakKind kind, string detail, string? expected, string? stored)
        {
            Break = new ChainBreak(StreamId, version, sequence, kind, detail, expected, stored);
            breaks.Add(Break);
        }
    }
}

/// <summary>Which chains to verify: one stream, or (without a stream id) all of them.</summary>
/// <param name="StreamId">The stream to verify; without it, every stream.</param>
public sealed record ChainVerificationQuery(Guid? StreamId = null);

public sealed class ChainVerificationQueryValidator : AbstractValidator<ChainVerificationQuery>
{
    public ChainVerificationQueryValidator() =>
        RuleFor(x => x.StreamId).Must(id => id != Guid.Empty).WithMessage("A stream id, or none to verify every stream.");
}

public static class VerifyChainsEndpoint
{
    /// <summary>
    /// Verifies the hash chains of one stream (<c>?streamId=</c>) or of all, recomputed from the stored events, and re-hashes the
    /// stored documents against the events that attached them. Answers the first broken link of each broken stream, and every
    /// document whose content differs or is missing, if any.
    /// </summary>
    /// <remarks>The command line does the same: <c>verify-chains [streamId]</c>.</remarks>
    [Authorize(Roles = Roles.Auditors)]
    [EnableRateLimiting(RateLimitPolicies.Expensive)]
    [WolverineGet("/api/audit/chains/verification")]
    [ProducesResponseType<ChainVerification>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(
        [FromQuery] ChainVerificationQuery query, EventChainVerifier verifier, Documents.DocumentVerifier documents, CancellationToken cancellation)
    {
        var verification = await verifier.VerifyAsync(query.StreamId, cancellation) with
        {
            Documents = await documents.VerifyAsync(query.StreamId, cancellation),
        };
        return query.StreamId is { } streamId && verification.Streams == 0
            ? AuditProblems.StreamNotFound(streamId)
            : Results.Ok(verification);
    }
}
