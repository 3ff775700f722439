using Fachwerk.Application.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace Fachwerk.Application.Operations;

/// <summary>A message that failed for good (a workflow step, a deadline) and waits in the dead letters for an administrator.</summary>
/// <param name="Id">The message's id, used to replay it.</param>
/// <param name="MessageType">What the message is, e.g. <c>Fachwerk.Application.Budget.CommitFunds</c>.</param>
/// <param name="ExceptionType">The error it last failed with.</param>
/// <param name="ExceptionMessage">The error's message.</param>
/// <param name="SentAt">When the message was sent.</param>
/// <param name="FailedAt">When it last failed, if known.</param>
/// <param name="Attempts">How often it was tried.</param>
/// <param name="Replayable">True once an administrator asked to replay it; it leaves the dead letters when the service takes it up again (within seconds).</param>
public sealed record DeadLetter(
    Guid Id, string MessageType, string ExceptionType, string ExceptionMessage, DateTimeOffset SentAt, DateTimeOffset? FailedAt, int Attempts,
    bool Replayable);

/// <summary>Which dead letters to list.</summary>
/// <param name="MessageType">Only messages of this type (full name, e.g. <c>Fachwerk.Application.Budget.CommitFunds</c>).</param>
public sealed record DeadLetterQuery(string? MessageType = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IPagedQuery;

public sealed class DeadLetterQueryValidator : AbstractValidator<DeadLetterQuery>
{
    public DeadLetterQueryValidator()
    {
        RuleFor(x => x.MessageType).MaximumLength(CommonRules.ShortTextLength);
        this.PagingRules();
    }
}

/// <summary>
/// Messages that failed for good, from Wolverine's dead-letter table in the message store. Transient database failures are
/// retried for about twenty minutes before a message lands here (ADR 0080); what lands here is replayed by an administrator
/// once the cause is gone. Replaying is safe: every handler decides from the streams' current state, so a step that did
/// commit changes nothing when it runs again.
/// </summary>
public static class DeadLetterEndpoints
{
    /// <summary>Lists the dead letters, oldest first, one page at a time, optionally of one message type.</summary>
    [Authorize(Roles = Roles.Administrator)]
    [WolverineGet("/api/admin/dead-letters")]
    public static async Task<Page<DeadLetter>> List([FromQuery] DeadLetterQuery query, IWolverineRuntime runtime, CancellationToken cancellation)
    {
        var results = await runtime.Storage.DeadLetters.QueryAsync(
            new DeadLetterEnvelopeQuery { MessageType = query.MessageType, PageNumber = query.Page, PageSize = query.PageSize }, cancellation);
        var items = results.Envelopes.Select(Describe).ToList();
        return new Page<DeadLetter>(items, query.Page, query.PageSize, results.TotalCount, (results.TotalCount + query.PageSize - 1) / query.PageSize);
    }

    /// <summary>
    /// Replays a dead letter: the service takes the message up again within seconds, as if it had just been sent, and it leaves
    /// the dead letters. Answers 202 with the dead letter as marked for replay.
    /// </summary>
    [Authorize(Roles = Roles.Administrator)]
    [WolverinePost("/api/admin/dead-letters/{id}/replay")]
    [ProducesResponseType<DeadLetter>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Replay(Guid id, IWolverineRuntime runtime, CancellationToken cancellation)
    {
        var deadLetters = runtime.Storage.DeadLetters;
        if (await deadLetters.DeadLetterEnvelopeByIdAsync(id) is not { } letter)
            return Problems.NotFound($"There is no dead letter with id {id}.").AsResult();

        await deadLetters.ReplayAsync(new DeadLetterEnvelopeQuery([id]), cancellation);
        return Results.Accepted($"/api/admin/dead-letters?messageType={Uri.EscapeDataString(letter.MessageType)}", Describe(letter) with { Replayable = true });
    }

    private static DeadLetter Describe(DeadLetterEnvelope letter) =>
        new(letter.Id, letter.MessageType, letter.ExceptionType, letter.ExceptionMessage, letter.SentAt, letter.FailedAt,
            letter.Envelope?.Attempts ?? 0, letter.Replayable);
}
