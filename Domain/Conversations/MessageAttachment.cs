namespace Fachwerk.Domain.Conversations;

/// <summary>A document of the case attached to a message: named with its hash, so the conversation's chain covers which bytes were meant.</summary>
/// <param name="DocumentId">The document, as attached to the application.</param>
/// <param name="FileName">Its file name.</param>
/// <param name="Sha256">Its SHA-256.</param>
public sealed record MessageAttachment(Guid DocumentId, string FileName, string Sha256);
