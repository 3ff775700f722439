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

/// <summary>A caseworker records money paid back.</summary>
/// <param name="Amount">How much was paid back, in EUR.</param>
/// <param name="BookedOn">The day the repayment was booked.</param>
public sealed record RecordRepayment(long ExpectedVersion, decimal Amount, DateOnly BookedOn, string? Reason = null) : IChangeCommand;

public sealed class RecordRepaymentValidator : ChangeCommandValidator<RecordRepayment>
{
    public RecordRepaymentValidator()
    {
        RuleFor(x => x.Amount).Money();
        RuleFor(x => x.BookedOn).PlausibleDate();
    }
}

public static class RecordRepaymentEndpoint
{
    /// <summary>
    /// Records money paid back after a reclaim. The last repayment due settles the reclaim and may close the case; answers the
    /// application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/repayments")]
    public static (CommandAccepted, Events, OutgoingMessages) Repayment(
        RecordRepayment command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. FundingDecider.RecordRepayment(application, command.Amount, command.BookedOn, user.Stamp(clock))];
        return BudgetWorkflow.After(application, command, events);
    }
}
