using Fachwerk.Domain.Conversations;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Fachwerk.Application.Conversations;

/// <summary>A message between the applicant's people and the funding authority.</summary>
/// <param name="Number">Its number in the conversation, from 1.</param>
/// <param name="Side">Who wrote it: the applicant's people or the authority.</param>
/// <param name="Text">The message.</param>
/// <param name="WrittenBy">The user who wrote it.</param>
/// <param name="WrittenAt">When.</param>
/// <param name="Attachments">Documents of the case attached to it (download: <c>GET /api/applications/{id}/documents/{documentId}</c>).</param>
public sealed record CaseMessage(int Number, ConversationSide Side, string Text, string WrittenBy, DateTimeOffset WrittenAt, IReadOnlyList<MessageAttachment> Attachments);

/// <summary>An internal note of the funding authority's staff on the case.</summary>
/// <param name="Number">Its number among the case's notes, from 1.</param>
/// <param name="Text">The note.</param>
/// <param name="WrittenBy">The member of staff who wrote it.</param>
/// <param name="WrittenAt">When.</param>
public sealed record InternalNote(int Number, string Text, string WrittenBy, DateTimeOffset WrittenAt);

/// <summary>
/// Everything written on a case: the messages and the internal notes. Stored inline; read only through
/// <see cref="GetConversationEndpoint"/>, which leaves out the internal notes for anyone acting for the applicant.
/// </summary>
public sealed record ConversationView
{
    /// <summary>The conversation's stream id (derived from the application's id).</summary>
    public Guid Id { get; init; }
    /// <summary>Its version.</summary>
    public long Version { get; init; }
    public Guid ApplicationId { get; init; }
    public Guid ApplicantId { get; init; }
    public IReadOnlyList<CaseMessage> Messages { get; init; } = [];
    public IReadOnlyList<InternalNote> InternalNotes { get; init; } = [];
}

public sealed class ConversationViewProjection : SingleStreamProjection<ConversationView, Guid>
{
    public ConversationViewProjection()
    {
        IncludeType<MessageWritten>();
        IncludeType<InternalNoteWritten>();
    }

    public override ConversationView Evolve(ConversationView? view, Guid id, IEvent e)
    {
        var current = view ?? e.Data switch
        {
            IConversationEvent first => new ConversationView { Id = first.ConversationId, ApplicationId = first.ApplicationId, ApplicantId = first.ApplicantId },
            _ => null,
        };
        return e.Data switch
        {
            MessageWritten m => current! with
            {
                Version = e.Version,
                Messages = [.. current.Messages, new CaseMessage(m.Number, m.Side, m.Text, m.RecordedBy, m.RecordedAt, m.Attachments ?? [])],
            },
            InternalNoteWritten n => current! with
            {
                Version = e.Version,
                InternalNotes = [.. current.InternalNotes, new InternalNote(n.Number, n.Text, n.RecordedBy, n.RecordedAt)],
            },
            _ => current!,
        };
    }
}
