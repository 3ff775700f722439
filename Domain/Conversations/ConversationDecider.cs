using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Conversations;

/// <summary>Pure decisions on a case's conversation; <c>conversation</c> is null until the first message or note.</summary>
public static class ConversationDecider
{
    /// <summary>
    /// The applicant's people or the authority's staff write a message on a submitted application, attaching any of the case's
    /// documents (<paramref name="caseDocuments"/>: those uploaded to the application so far) by their ids.
    /// </summary>
    public static MessageWritten WriteMessage(
        Conversation? conversation, FundingApplication application, ConversationSide side, string text, IReadOnlyList<Guid> attach,
        IReadOnlyCollection<MessageAttachment> caseDocuments, Stamp stamp)
    {
        EnsureSubmitted(application);
        var attachments = new List<MessageAttachment>(attach.Count);
        foreach (var id in attach)
        {
            attachments.Add(caseDocuments.FirstOrDefault(d => d.DocumentId == id)
                ?? throw new RuleViolation("conversation.attachment-unknown",
                    $"Document {id} is not a document of this application: upload it to the application first, then attach it."));
        }

        return new MessageWritten(Conversation.IdOf(application.Id), application.Id, application.ApplicantId,
            (conversation?.Messages ?? 0) + 1, side, text.Trim(), stamp.By, stamp.At, attachments.Count == 0 ? null : attachments);
    }

    /// <summary>A member of staff writes an internal note on a submitted application.</summary>
    public static InternalNoteWritten WriteInternalNote(Conversation? conversation, FundingApplication application, string text, Stamp stamp)
    {
        EnsureSubmitted(application);
        return new InternalNoteWritten(Conversation.IdOf(application.Id), application.Id, application.ApplicantId,
            (conversation?.InternalNotes ?? 0) + 1, text.Trim(), stamp.By, stamp.At);
    }

    // A draft is the applicant's own work: nobody at the authority sees it yet, so nobody could answer.
    private static void EnsureSubmitted(FundingApplication application)
    {
        if (application.Status == ApplicationStatus.Draft)
            throw new RuleViolation("conversation.draft", "The conversation on an application starts when it is submitted.");
    }
}
