using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Pilots;

/// <summary>What a participant's document is: the papers a relocation service handles for a person.</summary>
public enum ParticipantDocumentKind
{
    /// <summary>A vocational or academic qualification (certificate, diploma).</summary>
    Qualification,
    /// <summary>The recognition of a foreign qualification (Anerkennungsbescheid).</summary>
    Recognition,
    /// <summary>A residence or work permit.</summary>
    ResidencePermit,
    /// <summary>An employment or internship contract.</summary>
    EmploymentContract,
    /// <summary>A curriculum vitae.</summary>
    CurriculumVitae,
    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>
/// A document of a participant was stored, sealed with a key derived from the participant's own key (ADR 0105): its file name is
/// sealed like the rest of their personal data, and <paramref name="Sha256"/> is the hash of the stored (sealed) bytes, so the hash
/// chain and the re-hash of stored documents check it without the key, also after erasure, when nobody can read it any more.
/// </summary>
/// <param name="DocumentId">The document's id; with the participant's key it gives the document's key.</param>
/// <param name="FileName">The file name as uploaded, sealed.</param>
/// <param name="MediaType">The media type found in the content.</param>
/// <param name="Size">The file's size in bytes.</param>
/// <param name="Sha256">SHA-256 of the stored sealed bytes, lower-case hex.</param>
/// <param name="Kind">What the document is.</param>
public sealed record PilotParticipantDocumentAttached(
    Guid PilotId,
    Guid ParticipantId,
    Guid DocumentId,
    SealedPersonalData FileName,
    string MediaType,
    long Size,
    string Sha256,
    ParticipantDocumentKind Kind,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact, IParticipantFact;
