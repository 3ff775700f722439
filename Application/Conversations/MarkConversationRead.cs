using System.Security.Claims;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Conversations;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Conversations;

/// <summary>The caller has read a case's conversation up to these numbers.</summary>
/// <param name="MessagesRead">The highest message number read.</param>
/// <param name="NotesRead">The highest internal note number read (ignored for anyone who does not read internal notes).</param>
public sealed record MarkConversationRead(int MessagesRead, int NotesRead = 0);

public sealed class MarkConversationReadValidator : AbstractValidator<MarkConversationRead>
{
    public MarkConversationReadValidator()
    {
        RuleFor(x => x.MessagesRead).InclusiveBetween(0, 1_000_000);
        RuleFor(x => x.NotesRead).InclusiveBetween(0, 1_000_000);
    }
}

public static class MarkConversationReadEndpoint
{
    public static void Before(ApplicationDetails application, ClaimsPrincipal user) =>
        ConversationAccess.EnsureMayRead(user, application.Applicant.Id);

    /// <summary>
    /// Records how far the caller has read the conversation on an application, for their unread counts. The mark only moves
    /// forward and never past what was written; a reader's state, not a business fact, so no event. Answers the conversation as
    /// the caller now reads it.
    /// </summary>
    [Authorize(Roles = Roles.Applicant + "," + Roles.CaseHandlers)]
    [WolverinePut("/api/applications/{id}/conversation/read-mark")]
    public static async Task<CaseConversation> Put(MarkConversationRead command, [Document] ApplicationDetails application, ClaimsPrincipal user,
        IDocumentSession session, CancellationToken cancellation)
    {
        var userId = user.UserId();
        var view = await session.LoadAsync<ConversationView>(Conversation.IdOf(application.Id), cancellation);
        var mark = await session.LoadAsync<ConversationReadMark>(ConversationReadMark.IdOf(userId, application.Id), cancellation)
                   ?? new ConversationReadMark { Id = ConversationReadMark.IdOf(userId, application.Id), UserId = userId, ApplicationId = application.Id };
        var readsNotes = ConversationAccess.ReadsInternalNotes(user, application.Applicant.Id);
        mark = mark with
        {
            MessagesRead = Math.Max(mark.MessagesRead, Math.Min(command.MessagesRead, view?.Messages.Count ?? 0)),
            NotesRead = readsNotes ? Math.Max(mark.NotesRead, Math.Min(command.NotesRead, view?.InternalNotes.Count ?? 0)) : mark.NotesRead,
        };
        session.Store(mark);
        await session.SaveChangesAsync(cancellation);
        return CaseConversation.For(user, application.Id, application.Applicant.Id, view, mark);
    }
}
