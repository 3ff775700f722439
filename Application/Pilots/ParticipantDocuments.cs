using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;

namespace Fachwerk.Application.Pilots;

/// <summary>A participant's document's file name, the personal data sealed in its event (ADR 0105).</summary>
/// <param name="FileName">The file name as uploaded.</param>
public sealed record ParticipantDocumentName(string FileName);

/// <summary>A participant's document as the record keeps it: the file name sealed, the rest plain.</summary>
public sealed record ParticipantDocumentRecord(
    Guid DocumentId, SealedPersonalData FileName, string MediaType, long Size, string Sha256, ParticipantDocumentKind Kind, string AttachedBy,
    DateTimeOffset AttachedAt);

/// <summary>A participant's document as the readers of their personal data see it; read at <c>.../documents/{documentId}</c>.</summary>
/// <param name="DocumentId">The document's id.</param>
/// <param name="FileName">The file name as uploaded; null once the personal data are erased.</param>
/// <param name="MediaType">The media type found in the content.</param>
/// <param name="Size">The file's size in bytes.</param>
/// <param name="Sha256">SHA-256 of the stored, sealed bytes (what the event names and verification re-hashes).</param>
/// <param name="Kind">What the document is.</param>
/// <param name="AttachedBy">Who uploaded it.</param>
/// <param name="AttachedAt">When.</param>
public sealed record ParticipantDocumentView(
    Guid DocumentId, string? FileName, string MediaType, long Size, string Sha256, ParticipantDocumentKind Kind, string AttachedBy,
    DateTimeOffset AttachedAt)
{
    public static ParticipantDocumentView Of(ParticipantDocumentRecord record, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.DocumentId, fileName, record.MediaType, record.Size, record.Sha256, record.Kind, record.AttachedBy, record.AttachedAt);
    }
}
