using System.Security.Claims;
using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Conversations;
using FluentValidation;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Conversations;

/// <summary>A caseworker or approver writes an internal note on a case, which the applicant's people never see.</summary>
/// <param name="ExpectedVersion">The conversation's version as last read (0 before the first message or note).</param>
/// <param name="ApplicationId">The application the note is on.</param>
/// <param name="Note">The note; line breaks allowed.</param>
public sealed record WriteInternalNote(long ExpectedVersion, Guid ApplicationId, string Note) : IChangeCommand
{
    /// <summary>The conversation's stream, derived from the application's id.</summary>
    [JsonIgnore]
    public Guid ConversationId => Conversation.IdOf(ApplicationId);

    /// <summary>The note says what it has to say; no reason besides.</summary>
    [JsonIgnore]
    public string? Reason => null;
}

public sealed class WriteInternalNoteValidator : AbstractValidator<WriteInternalNote>
{
    public WriteInternalNoteValidator()
    {
        RuleFor(x => x.ExpectedVersion).GreaterThanOrEqualTo(0);
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.Note).ConversationText();
    }
}

public static class WriteInternalNoteEndpoint
{
    // Before the expected version is compared: who may not write learns nothing about the conversation.
    public static void Before(FundingApplication application, ClaimsPrincipal user) =>
        ConversationAccess.EnsureMayWriteInternalNote(user, application.ApplicantId);

    /// <summary>
    /// Writes an internal note on a submitted application for the authority's staff; nobody acting for the applicant reads it.
    /// Answers the conversation's new version and the note's number (<c>created.key</c>).
    /// </summary>
    [Authorize(Roles = Roles.CaseHandlers)]
    [WolverinePost("/api/internal-notes")]
    public static CommandAccepted Post(
        WriteInternalNote command,
        [ReadAggregate(nameof(WriteInternalNote.ApplicationId))] FundingApplication application,
        [WriteAggregate(nameof(WriteInternalNote.ConversationId), Required = false)] IEventStream<Conversation> conversation,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var written = ConversationDecider.WriteInternalNote(conversation.Aggregate, application, command.Note, user.Stamp(clock));
        conversation.AppendOne(written);
        return CommandAccepted.After(command.ConversationId, command, [written]).Creating("internal-note", written.Number);
    }
}
