namespace Fachwerk.Application.Conversations;

/// <summary>
/// How far a user has read a case's conversation: the highest message and note numbers they have seen. A reader's state, not a
/// business fact, so a document and not an event; it only ever moves forward.
/// </summary>
public sealed record ConversationReadMark
{
    /// <summary><c>{userId}|{applicationId}</c>.</summary>
    public string Id { get; init; } = "";
    public string UserId { get; init; } = "";
    public Guid ApplicationId { get; init; }
    public int MessagesRead { get; init; }
    public int NotesRead { get; init; }

    public static string IdOf(string userId, Guid applicationId) => $"{userId}|{applicationId:D}";
}
