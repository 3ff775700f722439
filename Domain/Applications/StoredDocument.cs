namespace Fachwerk.Domain.Applications;

/// <summary>A document whose bytes are stored: what the upload found in them.</summary>
/// <param name="DocumentId">The id the document gets within the application.</param>
/// <param name="FileName">The file name as uploaded.</param>
/// <param name="MediaType">The media type found in the content.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">SHA-256 of its bytes, lower-case hex.</param>
public sealed record StoredDocument(Guid DocumentId, string FileName, string MediaType, long Size, string Sha256);
