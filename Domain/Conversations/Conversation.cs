using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Conversations;

/// <summary>
/// Write model of a case's conversation: the messages between the applicant's people and the funding authority, and the staff's
/// internal notes. A stream of its own beside the application's, so that writing to each other never makes a caseworker's form on
/// the application stale.
/// </summary>
/// <param name="Id">The conversation's stream id, derived from the application's id (<see cref="IdOf"/>).</param>
/// <param name="ApplicationId">The application the conversation belongs to.</param>
/// <param name="ApplicantId">The applicant organisation of that application.</param>
/// <param name="Messages">How many messages were written.</param>
/// <param name="InternalNotes">How many internal notes were written.</param>
public sealed record Conversation(Guid Id, Guid ApplicationId, Guid ApplicantId, int Messages, int InternalNotes) : IEventSourced<Conversation>
{
    /// <summary>The conversation of an application: derived from its id, so the first message needs no lookup and two first messages meet.</summary>
    public static Guid IdOf(Guid applicationId) => DerivedStreamId.Of("conversation", applicationId.ToString("D"));

    public static Conversation Evolve(Conversation? conversation, object @event)
    {
        var current = conversation ?? @event switch
        {
            IConversationEvent first => new Conversation(first.ConversationId, first.ApplicationId, first.ApplicantId, 0, 0),
            _ => throw new UnexpectedFirstEventException(typeof(Conversation), @event),
        };
        return @event switch
        {
            MessageWritten written => current with { Messages = written.Number },
            InternalNoteWritten written => current with { InternalNotes = written.Number },
            _ => current,
        };
    }
}
