using System.Security.Claims;
using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Conversations;
using FluentValidation;
using Fachwerk.Application.Applications;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Conversations;

/// <summary>The applicant's people or the authority's caseworkers and approvers write a message on a case.</summary>
/// <param name="ExpectedVersion">The conversation's version as last read (0 before the first message or note): a message
/// written meanwhile makes the command stale, so nobody answers without having seen it.</param>
/// <param name="ApplicationId">The application the conversation belongs to.</param>
/// <param name="Message">The message; line breaks allowed.</param>
/// <param name="Attachments">Documents of the application to attach, by their ids (at most 10): upload a file to the application
/// first (<c>POST /api/applications/{id}/documents</c>, kind <c>correspondence</c>), then attach it here.</param>
public sealed record WriteMessage(long ExpectedVersion, Guid ApplicationId, string Message, IReadOnlyList<Guid>? Attachments = null) : IChangeCommand
{
    /// <summary>Most documents one message carries.</summary>
    public const int MaxAttachments = 10;

    /// <summary>The conversation's stream, derived from the application's id.</summary>
    [JsonIgnore]
    public Guid ConversationId => Conversation.IdOf(ApplicationId);

    /// <summary>The message says what it has to say; no reason besides.</summary>
    [JsonIgnore]
    public string? Reason => null;
}

public sealed class WriteMessageValidator : AbstractValidator<WriteMessage>
{
    public WriteMessageValidator()
    {
        RuleFor(x => x.ExpectedVersion).GreaterThanOrEqualTo(0);
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.Message).ConversationText();
        RuleFor(x => x.Attachments)
            .Must(a => a is null || a.Count <= WriteMessage.MaxAttachments).WithMessage($"At most {WriteMessage.MaxAttachments} documents per message.")
            .Must(a => a is null || a.Distinct().Count() == a.Count).WithMessage("Each document is attached once.");
        RuleForEach(x => x.Attachments).NotEmpty().WithMessage("Name a document by its id.");
    }
}

public static class WriteMessageEndpoint
{
    // Before the expected version is compared: who may not write learns nothing about the conversation.
    public static void Before(FundingApplication application, ClaimsPrincipal user) =>
        ConversationAccess.EnsureMayWriteMessage(user, application.ApplicantId);

    /// <summary>
    /// Writes a message on a submitted application, to the applicant's people (from the authority) or to the authority (from the
    /// applicant's people). Answers the conversation's new version and the message's number (<c>created.key</c>).
    /// </summary>
    [Authorize(Roles = Roles.Applicant + "," + Roles.CaseHandlers)]
    [WolverinePost("/api/messages")]
    public static async Task<CommandAccepted> Post(
        WriteMessage command,
        [ReadAggregate(nameof(WriteMessage.ApplicationId))] FundingApplication application,
        [WriteAggregate(nameof(WriteMessage.ConversationId), Required = false)] IEventStream<Conversation> conversation,
        IDocumentSession session,
        ClaimsPrincipal user,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        var side = ConversationAccess.EnsureMayWriteMessage(user, application.ApplicantId);
        var attach = command.Attachments ?? [];
        // The application's documents are in its inline read model, written in the same transaction as each upload's event.
        IReadOnlyCollection<MessageAttachment> caseDocuments = attach.Count == 0 ? []
            : [.. ((await session.LoadAsync<ApplicationDetails>(application.Id, cancellation))?.Documents ?? [])
                .Select(d => new MessageAttachment(d.DocumentId, d.FileName, d.Sha256))];
        var written = ConversationDecider.WriteMessage(conversation.Aggregate, application, side, command.Message, attach, caseDocuments, user.Stamp(clock));
        conversation.AppendOne(written);
        return CommandAccepted.After(command.ConversationId, command, [written]).Creating("message", written.Number);
    }
}
