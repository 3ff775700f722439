using Fachwerk.Domain.Applications;

namespace Fachwerk.Application.Applications;

/// <summary>A document uploaded to the application; its bytes are read at <c>/api/applications/{id}/documents/{documentId}</c>.</summary>
/// <param name="DocumentId">The document's id.</param>
/// <param name="FileName">The file name as uploaded.</param>
/// <param name="MediaType">The media type found in its content.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">SHA-256 of its bytes, lower-case hex (the event that attached it names it, so the hash chain covers it).</param>
/// <param name="Kind">What the document is.</param>
/// <param name="Answers">The document request item it answers, if any.</param>
/// <param name="AttachedBy">Who uploaded it.</param>
/// <param name="AttachedAt">When.</param>
public sealed record AttachedDocumentRecord(
    Guid DocumentId, string FileName, string MediaType, long Size, string Sha256, DocumentKind Kind, DocumentRequestItem? Answers,
    string AttachedBy, DateTimeOffset AttachedAt);

/// <summary>The upload that answers an item of a document request.</summary>
/// <param name="Item">The item's position in the request, from 1.</param>
/// <param name="DocumentId">The document that answers it.</param>
/// <param name="FileName">Its file name.</param>
public sealed record RequestItemAnswer(int Item, Guid DocumentId, string FileName);

public sealed partial record ApplicationDetails
{
    /// <summary>The documents uploaded to the application, oldest first.</summary>
    public IReadOnlyList<AttachedDocumentRecord> Documents { get; init; } = [];
}
