using System.Security.Claims;
using Fachwerk.Application.Budget;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// A caseworker records that the recipient broke an obligation after <paramref name="FulfilledMonths"/> whole months: the unfulfilled
/// share of what was paid is reclaimed pro rata through the reclaim (ADR 0123).
/// </summary>
/// <param name="FulfilledMonths">Whole months of the obligation fulfilled.</param>
/// <param name="RepayBy">The day by which the reclaimed money is to be repaid.</param>
public sealed record RecordObligationBreach(long ExpectedVersion, int FulfilledMonths, DateOnly RepayBy, string? Reason = null) : IChangeCommand;

public sealed class RecordObligationBreachValidator : ChangeCommandValidator<RecordObligationBreach>
{
    public RecordObligationBreachValidator()
    {
        RuleFor(x => x.FulfilledMonths).InclusiveBetween(0, ObligationDecider.MaxMonths);
        RuleFor(x => x.RepayBy).PlausibleDate();
    }
}

public static class RecordObligationBreachEndpoint
{
    /// <summary>
    /// Records the breach of an obligation and demands the pro-rata reclaim (unfulfilled months ÷ months × net paid, to cents); the
    /// budget workflow releases the revoked amount. Answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/obligations/{number}/breach")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(
        RecordObligationBreach command,
        int number,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. ObligationDecider.RecordBreach(application, number, command.FulfilledMonths, command.RepayBy, user.Stamp(clock))];
        return BudgetWorkflow.After(application, command, events);
    }
}
