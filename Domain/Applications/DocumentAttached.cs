namespace Fachwerk.Domain.Applications;

/// <summary>What an attached document is, as the applicant says when uploading it (or the authority's letter).</summary>
public enum DocumentKind
{
    /// <summary>A filled-in application form.</summary>
    Form,
    /// <summary>The applicant's statutes (Satzung).</summary>
    Statutes,
    /// <summary>A financing plan (Finanzierungsplan).</summary>
    FinancingPlan,
    /// <summary>A receipt for a proof of use (Beleg).</summary>
    Receipt,
    /// <summary>A letter or other correspondence.</summary>
    Correspondence,
    /// <summary>Anything else.</summary>
    Other,
    /// <summary>The decision letter (Zuwendungsbescheid) the authority issued, generated from the confirmed decision; never uploaded.</summary>
    DecisionLetter,
    /// <summary>A change notice (Änderungsbescheid) the authority issued for a decision version in force after an amendment; never uploaded.</summary>
    ChangeNotice,
}

/// <summary>The item of a document request an upload answers.</summary>
/// <param name="RequestNumber">The request's number within the application.</param>
/// <param name="Item">The item's position in the request, from 1.</param>
/// <param name="Document">The item as the caseworker named it.</param>
public sealed record DocumentRequestItem(int RequestNumber, int Item, string Document);

/// <summary>
/// A document was uploaded to the application. Its bytes are stored by their SHA-256 hash; this event names the hash, so the
/// event's hash chain also covers the document's integrity (docs/documents.md).
/// </summary>
/// <param name="DocumentId">The document's id within the application.</param>
/// <param name="FileName">The file name as uploaded.</param>
/// <param name="MediaType">The media type found in the content (not the one the client declared).</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">SHA-256 of its bytes, lower-case hex.</param>
/// <param name="Kind">What the document is.</param>
/// <param name="Answers">The item of a document request it answers, if any.</param>
public sealed record DocumentAttached(
    Guid ApplicationId,
    Guid DocumentId,
    string FileName,
    string MediaType,
    long Size,
    string Sha256,
    DocumentKind Kind,
    DocumentRequestItem? Answers,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IApplicationEvent;
