using Fachwerk.Application.Common;
using Fachwerk.Domain.Conversations;
using JasperFx.Events.Projections;
using Marten;

namespace Fachwerk.Application.Conversations;

/// <summary>
/// A conversation on every case (docs/conversation.md, ADR 0076): one stream per application's conversation, the write model
/// folded per command, the view (messages and internal notes) inline, and each reader's read mark as a document.
/// </summary>
public sealed class ConversationsModule : FachwerkModule
{
    public override void ConfigureStore(StoreOptions opts)
    {
        KnowEventsOf<Conversation>(opts);
        opts.Projections.Add(new WriteModelProjection<Conversation>(), ProjectionLifecycle.Live);
        opts.Projections.Add<ConversationViewProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<ConversationReadMark>().Index(x => x.UserId);
    }
}
