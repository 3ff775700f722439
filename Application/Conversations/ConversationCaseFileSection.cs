using Fachwerk.Application.Audit;
using Fachwerk.Domain.Conversations;
using Marten;

namespace Fachwerk.Application.Conversations;

/// <summary>The conversation on a case as its case file holds it: every message and every internal note, with who and when.</summary>
/// <param name="ConversationId">The conversation's stream (its own timeline and hash chain).</param>
/// <param name="Version">Its version when the case file was made (0: nothing was written on the case).</param>
/// <param name="Messages">The messages between the applicant's people and the authority, oldest first.</param>
/// <param name="InternalNotes">The staff's internal notes, oldest first.</param>
public sealed record ConversationRecord(Guid ConversationId, long Version, IReadOnlyList<CaseMessage> Messages, IReadOnlyList<InternalNote> InternalNotes);

/// <summary>
/// Puts the case's conversation into its case file. The case file is the auditors' (who read internal notes like all staff who do
/// not act for the applicant), so it holds the internal notes too; a case nobody wrote on has an empty section, which says so.
/// </summary>
public sealed class ConversationCaseFileSection : ICaseFileSection
{
    public string Key => CaseFileSections.Conversation;

    public Label Title { get; } = new("Nachrichten und interne Vermerke", "Messages and internal notes");

    public async Task<object?> BuildAsync(Guid applicationId, IQuerySession session, CancellationToken cancellation)
    {
        var conversationId = Conversation.IdOf(applicationId);
        var view = await session.LoadAsync<ConversationView>(conversationId, cancellation);
        return new ConversationRecord(conversationId, view?.Version ?? 0, view?.Messages ?? [], view?.InternalNotes ?? []);
    }
}
