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

/// <summary>The caseworker lowers an approved amount (e.g. lower actual costs); the difference goes back to the programme.</summary>
/// <param name="Amount">The new approved amount, in EUR; lower than the current one and not below what was paid.</param>
public sealed record ReduceApprovedAmount(long ExpectedVersion, decimal Amount, string Reason) : IChangeCommand;

public sealed class ReduceApprovedAmountValidator : ChangeCommandValidator<ReduceApprovedAmount>
{
    public ReduceApprovedAmountValidator() : base(reasonRequired: true)
    {
        RuleFor(x => x.Amount).Money();
    }
}

public static class ReduceApprovedAmountEndpoint
{
    /// <summary>
    /// Lowers the approved amount of a grant (e.g. lower actual costs), with the reason. The budget workflow releases the
    /// difference to the programme; answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/approved-amount-reduction")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(
        ReduceApprovedAmount command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ApplicationDecider.ReduceApprovedAmount(application, command.Amount, command.Reason, user.Stamp(clock))];
        return BudgetWorkflow.After(application, command, events);
    }
}
