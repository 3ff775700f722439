using System.Security.Claims;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Conversations;
using Marten;

namespace Fachwerk.Application.Conversations;

/// <summary>The inbox says on which cases the caller has messages to read: two lookups by primary key for the whole page.</summary>
public static class UnreadMessages
{
    public static async Task<Page<InboxEntry>> AddToAsync(Page<InboxEntry> page, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellation)
    {
        if (page.Items.Count == 0) return page;
        var userId = user.UserId();
        var applications = page.Items.Select(e => e.ApplicationId).Distinct().ToList();
        var views = (await session.LoadManyAsync<ConversationView>(cancellation, applications.Select(Conversation.IdOf)))
            .ToDictionary(v => v.ApplicationId);
        if (views.Count == 0) return page;
        var marks = (await session.LoadManyAsync<ConversationReadMark>(cancellation,
                applications.Where(views.ContainsKey).Select(id => ConversationReadMark.IdOf(userId, id))))
            .ToDictionary(m => m.ApplicationId, m => m.MessagesRead);
        return page with
        {
            Items =
            [
                .. page.Items.Select(entry => views.TryGetValue(entry.ApplicationId, out var view)
                    ? entry with { UnreadMessages = Unread.Messages(view.Messages, marks.GetValueOrDefault(entry.ApplicationId), userId) }
                    : entry),
            ],
        };
    }
}
