using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Pilots;
using Marten;

namespace Fachwerk.Application.Documents;

/// <summary>What verification found wrong with a document's stored content.</summary>
public enum DocumentFault
{
    /// <summary>No content is stored under the hash its event names.</summary>
    Missing,
    /// <summary>The stored content's SHA-256 (or size) is not the one its event names: it was altered.</summary>
    Altered,
}

/// <summary>A document whose stored content is not what its <c>DocumentAttached</c> (or <c>PilotParticipantDocumentAttached</c>) event names.</summary>
/// <param name="ApplicationId">The application it is attached to (or, for a participant's document, the pilot).</param>
/// <param name="DocumentId">The document.</param>
/// <param name="FileName">Its file name (for a participant's document, which seals its name: "(sealed)").</param>
/// <param name="Sha256">The hash its event names.</param>
/// <param name="Fault">What is wrong.</param>
/// <param name="StoredSha256">The hash of what is stored now, when something is.</param>
/// <param name="StoredSize">The size of what is stored now, when something is.</param>
/// <param name="ParticipantId">The pilot participant whose document it is, if it is one (ADR 0105).</param>
public sealed record DocumentFinding(
    Guid ApplicationId, Guid DocumentId, string FileName, string Sha256, DocumentFault Fault, string? StoredSha256, long? StoredSize,
    Guid? ParticipantId = null);

/// <summary>The re-hashing of stored documents against the events that attached them.</summary>
/// <param name="Documents">How many attached documents were checked.</param>
/// <param name="Intact">Whether every one's stored content has the hash its event names.</param>
/// <param name="Findings">The documents whose content differs or is missing.</param>
public sealed record DocumentVerification(int Documents, bool Intact, IReadOnlyList<DocumentFinding> Findings);

/// <summary>
/// Re-hashes the stored content of every attached document (or those of one application or pilot) and compares it with the hash its
/// event names; the events themselves are covered by the hash chain, so together they show that neither the record of a document nor
/// its bytes changed. A pilot participant's document is checked as stored (sealed, ADR 0105), so erasure does not stop the check. Each
/// distinct content is read once, chunk by chunk.
/// </summary>
public sealed class DocumentVerifier(IDocumentStore store, DocumentContent content)
{
    /// <summary>An attached document as its event names it; <paramref name="Size"/> is null where the stored (sealed) size differs from the file's.</summary>
    private sealed record Named(Guid StreamId, Guid? ParticipantId, Guid DocumentId, string FileName, string Sha256, long? Size);

    public async Task<DocumentVerification> VerifyAsync(Guid? streamId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var applications = session.Events.QueryRawEventDataOnly<DocumentAttached>();
        var participants = session.Events.QueryRawEventDataOnly<PilotParticipantDocumentAttached>();
        var attached = (streamId is { } id
                ? await applications.Where(d => d.ApplicationId == id).ToListAsync(cancellation)
                : await applications.ToListAsync(cancellation))
            .Select(d => new Named(d.ApplicationId, null, d.DocumentId, d.FileName, d.Sha256, d.Size))
            .Concat((streamId is { } pilot
                    ? await participants.Where(d => d.PilotId == pilot).ToListAsync(cancellation)
                    : await participants.ToListAsync(cancellation))
                .Select(d => new Named(d.PilotId, d.ParticipantId, d.DocumentId, "(sealed)", d.Sha256, null)))
            .ToList();

        var stored = new Dictionary<string, (long Size, string Sha256)?>(StringComparer.Ordinal);
        var findings = new List<DocumentFinding>();
        foreach (var document in attached)
        {
            if (!stored.TryGetValue(document.Sha256, out var now))
                stored[document.Sha256] = now = await content.RehashAsync(document.Sha256, cancellation);
            var fault = now switch
            {
                null => DocumentFault.Missing,
                var (size, sha256) when sha256 != document.Sha256 || (document.Size is { } expected && size != expected) => DocumentFault.Altered,
                _ => (DocumentFault?)null,
            };
            if (fault is { } f)
                findings.Add(new DocumentFinding(document.StreamId, document.DocumentId, document.FileName, document.Sha256, f, now?.Sha256, now?.Size,
                    document.ParticipantId));
        }

        return new DocumentVerification(attached.Count, findings.Count == 0, findings);
    }
}
