using System.Security.Claims;
using Fachwerk.Application.Budget;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>A caseworker closes the case once the final proof is settled, also when not all of the grant was called.</summary>
public sealed record CloseCase(long ExpectedVersion, string? Reason = null) : IChangeCommand;

public sealed class CloseCaseValidator : ChangeCommandValidator<CloseCase>;

public static class CloseCaseEndpoint
{
    /// <summary>
    /// Closes the case once the final proof of use is settled, also when not all of the grant was called. Grant left uncalled
    /// goes back to the programme (by the budget workflow); answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/closure")]
    public static (CommandAccepted, Events, OutgoingMessages) Close(
        CloseCase command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [FundingDecider.Close(application, user.Stamp(clock))];
        return BudgetWorkflow.After(application, command, events);
    }
}
