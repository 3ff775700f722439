using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Conversations;

/// <summary>Who writes in a case's conversation: the applicant's people or the funding authority's staff.</summary>
public enum ConversationSide
{
    /// <summary>The people acting for the applicant organisation.</summary>
    Applicant,

    /// <summary>The funding authority's caseworkers and approvers.</summary>
    Authority,
}

/// <summary>Every event of a conversation names the application it belongs to and the applicant organisation of that application.</summary>
public interface IConversationEvent : IRecordedFact
{
    Guid ConversationId { get; }

    Guid ApplicationId { get; }

    Guid ApplicantId { get; }
}

/// <summary>A message was written in the case's conversation between the applicant's people and the funding authority.</summary>
/// <param name="Number">The message's number in the conversation, from 1.</param>
/// <param name="Side">Whether the applicant's people or the authority wrote it.</param>
/// <param name="Text">The message.</param>
/// <param name="Attachments">Documents of the case the message refers to (null in messages written before attachments existed).</param>
public sealed record MessageWritten(
    Guid ConversationId,
    Guid ApplicationId,
    Guid ApplicantId,
    int Number,
    ConversationSide Side,
    string Text,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    IReadOnlyList<MessageAttachment>? Attachments = null) : IConversationEvent;

/// <summary>A member of the funding authority's staff wrote an internal note on the case; the applicant's people never see it.</summary>
/// <param name="Number">The note's number among the case's internal notes, from 1 (numbered apart from the messages, so the
/// applicant cannot tell from the message numbers that notes exist).</param>
/// <param name="Text">The note.</param>
public sealed record InternalNoteWritten(
    Guid ConversationId,
    Guid ApplicationId,
    Guid ApplicantId,
    int Number,
    string Text,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IConversationEvent;
