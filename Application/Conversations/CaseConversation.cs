using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Conversations;

namespace Fachwerk.Application.Conversations;

/// <summary>A case's conversation as the caller may read it.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="ConversationId">The conversation's stream (for the audit timeline).</param>
/// <param name="Version">Its version: send it as <c>expectedVersion</c> with the next message or note (0 before the first).</param>
/// <param name="Messages">The messages between the applicant's people and the authority, oldest first.</param>
/// <param name="InternalNotes">The staff's internal notes, oldest first; null for anyone acting for the applicant.</param>
/// <param name="MessagesRead">The highest message number the caller has read.</param>
/// <param name="NotesRead">The highest note number the caller has read.</param>
/// <param name="UnreadMessages">Messages the others wrote since the caller last read.</param>
/// <param name="UnreadNotes">Internal notes colleagues wrote since the caller last read (0 when the caller reads none).</param>
/// <param name="WritesAs">The side the caller writes messages for; null if the caller only reads.</param>
/// <param name="WritesInternalNotes">Whether the caller may write internal notes.</param>
public sealed record CaseConversation(
    Guid ApplicationId,
    Guid ConversationId,
    long Version,
    IReadOnlyList<CaseMessage> Messages,
    IReadOnlyList<InternalNote>? InternalNotes,
    int MessagesRead,
    int NotesRead,
    int UnreadMessages,
    int UnreadNotes,
    ConversationSide? WritesAs,
    bool WritesInternalNotes)
{
    public static CaseConversation For(ClaimsPrincipal user, Guid applicationId, Guid applicantId, ConversationView? view, ConversationReadMark? mark)
    {
        var userId = user.UserId();
        var messages = view?.Messages ?? [];
        var notes = ConversationAccess.ReadsInternalNotes(user, applicantId) ? view?.InternalNotes ?? [] : null;
        var messagesRead = mark?.MessagesRead ?? 0;
        var notesRead = notes is null ? 0 : mark?.NotesRead ?? 0;
        var side = ConversationAccess.SideOf(user, applicantId);
        return new CaseConversation(
            applicationId,
            Conversation.IdOf(applicationId),
            view?.Version ?? 0,
            messages,
            notes,
            messagesRead,
            notesRead,
            Unread.Messages(messages, messagesRead, userId),
            notes is null ? 0 : Unread.Notes(notes, notesRead, userId),
            side,
            side == ConversationSide.Authority);
    }
}

/// <summary>What counts as unread: written by someone else after the reader's mark.</summary>
public static class Unread
{
    /// <summary>Whether an entry numbered <paramref name="number"/> is new to the reader who has read up to <paramref name="read"/>.</summary>
    public static bool IsNew(int number, string writtenBy, int read, string userId) => number > read && writtenBy != userId;

    public static int Messages(IEnumerable<CaseMessage> messages, int read, string userId) =>
        messages.Count(m => IsNew(m.Number, m.WrittenBy, read, userId));

    public static int Notes(IEnumerable<InternalNote> notes, int read, string userId) =>
        notes.Count(n => IsNew(n.Number, n.WrittenBy, read, userId));
}
