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

/// <summary>The applicant's people or the authority's caseworkers and approvers write a message on a case.</summary>
/// <param name="ExpectedVersion">The conversation's version as last read (0 before the first message or note): a message
/// written meanwhile makes the command stale, so nobody answers without having seen it.</param>
/// <param name="ApplicationId">The application the conversation belongs to.</param>
/// <param name="Message">The message; line breaks allowed.</param>
public sealed record WriteMessage(long ExpectedVersion, Guid ApplicationId, string Message) : IChangeCommand
{
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
    public static CommandAccepted Post(
        WriteMessage command,
        [ReadAggregate(nameof(WriteMessage.ApplicationId))] FundingApplication application,
        [WriteAggregate(nameof(WriteMessage.ConversationId), Required = false)] IEventStream<Conversation> conversation,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var side = ConversationAccess.EnsureMayWriteMessage(user, application.ApplicantId);
        var written = ConversationDecider.WriteMessage(conversation.Aggregate, application, side, command.Message, user.Stamp(clock));
        conversation.AppendOne(written);
        return CommandAccepted.After(command.ConversationId, command, [written]).Creating("message", written.Number);
    }
}
