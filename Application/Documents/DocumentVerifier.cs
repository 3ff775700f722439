using Fachwerk.Domain.Applications;
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

/// <summary>A document whose stored content is not what its <c>DocumentAttached</c> event names.</summary>
/// <param name="ApplicationId">The application it is attached to.</param>
/// <param name="DocumentId">The document.</param>
/// <param name="FileName">Its file name.</param>
/// <param name="Sha256">The hash its event names.</param>
/// <param name="Fault">What is wrong.</param>
/// <param name="StoredSha256">The hash of what is stored now, when something is.</param>
/// <param name="StoredSize">The size of what is stored now, when something is.</param>
public sealed record DocumentFinding(
    Guid ApplicationId, Guid DocumentId, string FileName, string Sha256, DocumentFault Fault, string? StoredSha256, long? StoredSize);

/// <summary>The re-hashing of stored documents against the events that attached them.</summary>
/// <param name="Documents">How many attached documents were checked.</param>
/// <param name="Intact">Whether every one's stored content has the hash its event names.</param>
/// <param name="Findings">The documents whose content differs or is missing.</param>
public sealed record DocumentVerification(int Documents, bool Intact, IReadOnlyList<DocumentFinding> Findings);

/// <summary>
/// Re-hashes the stored content of every attached document (or those of one application) and compares it with the hash the
/// <c>DocumentAttached</c> event names; the events themselves are covered by the hash chain, so together they show that neither the
/// record of a document nor its bytes changed. Each distinct content is read once, chunk by chunk.
/// </summary>
public sealed class DocumentVerifier(IDocumentStore store, DocumentContent content)
{
    public async Task<DocumentVerification> VerifyAsync(Guid? applicationId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var query = session.Events.QueryRawEventDataOnly<DocumentAttached>();
        var attached = applicationId is { } id
            ? await query.Where(d => d.ApplicationId == id).ToListAsync(cancellation)
            : await query.ToListAsync(cancellation);

        var stored = new Dictionary<string, (long Size, string Sha256)?>(StringComparer.Ordinal);
        var findings = new List<DocumentFinding>();
        foreach (var document in attached)
        {
            if (!stored.TryGetValue(document.Sha256, out var now))
                stored[document.Sha256] = now = await content.RehashAsync(document.Sha256, cancellation);
            var fault = now switch
            {
                null => DocumentFault.Missing,
                var (size, sha256) when sha256 != document.Sha256 || size != document.Size => DocumentFault.Altered,
                _ => (DocumentFault?)null,
            };
            if (fault is { } f)
                findings.Add(new DocumentFinding(document.ApplicationId, document.DocumentId, document.FileName, document.Sha256, f, now?.Sha256, now?.Size));
        }

        return new DocumentVerification(attached.Count, findings.Count == 0, findings);
    }
}
