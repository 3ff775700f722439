using System.Security.Claims;
using Fachwerk.Application.Common;
using Marten;
using Marten.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Npgsql;
using Wolverine.Http;

namespace Fachwerk.Application.Audit;

/// <summary>
/// The heads of all event chains at one moment and one SHA-256 over them (<see cref="EventChainHash.Digest"/>). Handed to an
/// outside party (or printed in an audit report), it lets anyone prove later that nothing up to these heads was rewritten:
/// the chains must still verify and each stream must still have a link with the same hash at the same version
/// (<c>verify-chains --against digest.json</c>).
/// </summary>
/// <param name="Scheme">How each link's hash is computed (the name of the chain scheme).</param>
/// <param name="DigestAlgorithm">How the digest is computed from the heads.</param>
/// <param name="ExportedAt">When the digest was made.</param>
/// <param name="ExportedBy">Who made it.</param>
/// <param name="Intact">Whether every chain verified.</param>
/// <param name="Streams">How many streams there are.</param>
/// <param name="Events">How many events.</param>
/// <param name="Digest">The digest over all chain heads: keep it outside the system.</param>
/// <param name="Heads">The last link of every stream.</param>
/// <param name="Breaks">The first broken link of each broken stream.</param>
public sealed record ChainDigest(
    string Scheme,
    string DigestAlgorithm,
    DateTimeOffset ExportedAt,
    string ExportedBy,
    bool Intact,
    int Streams,
    long Events,
    string Digest,
    IReadOnlyList<ChainHead> Heads,
    IReadOnlyList<ChainBreak> Breaks)
{
    /// <summary>How <see cref="Digest"/> is computed from <see cref="Heads"/>, in words.</summary>
    public const string Algorithm = "SHA-256 over 'stream id:version:head hash\\n' per stream, ordered by stream id";

    public static ChainDigest Of(ChainVerification verification, string exportedBy) =>
        new(EventChainHash.Scheme, Algorithm, verification.VerifiedAt,
            exportedBy, verification.Intact, verification.Streams, verification.Events, EventChainHash.Digest(verification.Heads),
            verification.Heads, verification.Breaks);
}

/// <summary>How the store compares with a digest exported earlier.</summary>
/// <param name="DigestMatchesItsHeads">Whether the digest in the file is still the SHA-256 over its own list of heads (false: the file was altered).</param>
/// <param name="ChainsIntact">Whether every chain of the store verifies now.</param>
/// <param name="StreamsInDigest">How many chain heads the earlier digest lists.</param>
/// <param name="Unchanged">The earlier heads the store still holds with the same hash at the same version.</param>
/// <param name="Rewritten">The earlier heads the store no longer holds unchanged.</param>
public sealed record ChainDigestComparison(
    bool DigestMatchesItsHeads, bool ChainsIntact, int StreamsInDigest, IReadOnlyList<ChainHead> Unchanged, IReadOnlyList<RewrittenHead> Rewritten)
{
    /// <summary>Nothing recorded when the digest was taken was changed or removed since.</summary>
    public bool NothingRewritten => DigestMatchesItsHeads && ChainsIntact && Rewritten.Count == 0;
}

/// <summary>A head of the earlier digest that the store no longer has: its link is gone or now has a different hash.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="Version">The version of the head in the earlier digest.</param>
/// <param name="HashInDigest">The hash the earlier digest recorded for it.</param>
/// <param name="HashNow">The hash the store holds at that version now; none when the link is gone.</param>
public sealed record RewrittenHead(Guid StreamId, long Version, string HashInDigest, string? HashNow);

public static class ChainDigests
{
    /// <summary>
    /// Compares the store with an earlier digest: the digest must match its own list of heads, the chains must verify now,
    /// and every earlier head must still be a link of its stream with the same hash. A chain that verifies and still holds
    /// the earlier head's hash at that version holds every earlier event of the stream unchanged.
    /// </summary>
    public static async Task<ChainDigestComparison> CompareAsync(
        ChainDigest earlier, EventChainVerifier verifier, IDocumentStore store, CancellationToken cancellation)
    {
        var verification = await verifier.VerifyAsync(null, cancellation);
        var now = new Dictionary<(Guid, long), string>();
        await using (var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read))
        {
            await connection.OpenAsync(cancellation);
            await using var command = new NpgsqlCommand(
                $"SELECT stream_id, version, hash FROM {store.Options.Events.DatabaseSchemaName}.{EventChainStorage.TableName} " +
                "WHERE (stream_id, version) IN (SELECT * FROM unnest(@streams, @versions))", connection);
            command.Parameters.AddWithValue("streams", earlier.Heads.Select(h => h.StreamId).ToArray());
            command.Parameters.AddWithValue("versions", earlier.Heads.Select(h => h.Version).ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
                now[(reader.GetGuid(0), reader.GetInt64(1))] = reader.GetString(2);
        }

        var unchanged = new List<ChainHead>();
        var rewritten = new List<RewrittenHead>();
        foreach (var head in earlier.Heads)
        {
            var hashNow = now.GetValueOrDefault((head.StreamId, head.Version));
            if (string.Equals(hashNow, head.Hash, StringComparison.Ordinal))
                unchanged.Add(head);
            else
                rewritten.Add(new RewrittenHead(head.StreamId, head.Version, head.Hash, hashNow));
        }

        var digestMatches = string.Equals(EventChainHash.Digest(earlier.Heads), earlier.Digest, StringComparison.Ordinal);
        return new ChainDigestComparison(digestMatches, verification.Intact, earlier.Heads.Count, unchanged, rewritten);
    }
}

public static class ExportChainDigestEndpoint
{
    /// <summary>
    /// Exports the digest of all hash-chain heads, after verifying every chain. Keep it outside the system: it proves later that
    /// nothing up to these heads was rewritten.
    /// </summary>
    /// <remarks>The command line writes the same file: <c>verify-chains --digest digest.json</c>.</remarks>
    [Authorize(Roles = Roles.Auditors)]
    [EnableRateLimiting(RateLimitPolicies.Expensive)]
    [WolverineGet("/api/audit/chains/digest")]
    public static async Task<ChainDigest> Get(EventChainVerifier verifier, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellation)
    {
        var digest = ChainDigest.Of(await verifier.VerifyAsync(null, cancellation), user.UserId());
        response.Headers.ContentDisposition =
            $"attachment; filename=\"chain-digest-{digest.ExportedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture)}.json\"";
        return digest;
    }
}
