using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Fachwerk.Application.Audit;

/// <summary>
/// One stored event as the chain sees it: the columns of <c>mt_events</c> that make up the fact, with the jsonb columns
/// in PostgreSQL's own text rendering (<c>data::text</c>, <c>headers::text</c>), which is canonical for jsonb (keys sorted,
/// no insignificant whitespace). Crypto-shredded personal data is part of <see cref="Data"/> as ciphertext, which never
/// changes when a key is destroyed.
/// </summary>
public sealed record StoredEvent(
    Guid StreamId,
    long Version,
    long Sequence,
    Guid EventId,
    string Type,
    DateTime TimestampUtc,
    string? TenantId,
    string? UserName,
    string? CorrelationId,
    string? CausationId,
    string? Headers,
    string Data,
    byte[]? BinaryData);

/// <summary>
/// The link hash of the event chain, computed in .NET exactly as the database trigger computes it
/// (<see cref="EventChainStorage"/>; docs/adr/0030). Anyone can recompute it from a database dump with these rules:
/// SHA-256, lower-case hex, over the UTF-8 bytes of the fields below, each written as <c>&lt;byte length&gt;:&lt;text&gt;,</c>
/// and a missing value as <c>-1:,</c>.
/// </summary>
public static class EventChainHash
{
    /// <summary>The first field of every preimage: names these rules, so that they can change later without ambiguity.</summary>
    public const string Scheme = "fachwerk-event-chain/v1";

    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>The fields of a link's preimage, in order.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "scheme", "previous link hash", "stream id", "version", "sequence", "event id", "event type",
        "timestamp (UTC, microseconds)", "tenant id", "user id", "correlation id", "causation id", "headers (jsonb text)",
        "data (jsonb text)", "binary data (hex)",
    ];

    public static string Compute(string? previousHash, StoredEvent e) => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(Preimage(previousHash, e))));

    public static string Preimage(string? previousHash, StoredEvent e)
    {
        var preimage = new StringBuilder();
        foreach (var field in (string?[])
                 [
                     Scheme,
                     previousHash,
                     e.StreamId.ToString("D"),
                     e.Version.ToString(CultureInfo.InvariantCulture),
                     e.Sequence.ToString(CultureInfo.InvariantCulture),
                     e.EventId.ToString("D"),
                     e.Type,
                     DateTime.SpecifyKind(e.TimestampUtc, DateTimeKind.Utc).ToString(TimestampFormat, CultureInfo.InvariantCulture),
                     e.TenantId,
                     e.UserName,
                     e.CorrelationId,
                     e.CausationId,
                     e.Headers,
                     e.Data,
                     e.BinaryData is null ? null : Convert.ToHexStringLower(e.BinaryData),
                 ])
        {
            if (field is null)
                preimage.Append("-1:,");
            else
                preimage.Append(Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append(',');
        }

        return preimage.ToString();
    }

    /// <summary>The digest over a list of chain heads: SHA-256 (hex) of the lines <c>stream id:version:head hash\n</c>, in the given order.</summary>
    public static string Digest(IEnumerable<ChainHead> heads)
    {
        var lines = new StringBuilder();
        foreach (var head in heads)
            lines.Append(head.StreamId.ToString("D")).Append(':').Append(head.Version.ToString(CultureInfo.InvariantCulture)).Append(':')
                .Append(head.Hash).Append('\n');
        return Hex(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString())));
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
