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

/// <summary>A caseworker revokes part or all of the grant (Rückforderung): the amount, the reason, and by when to repay.</summary>
/// <param name="Amount">How much of the grant is revoked, in EUR; the approved amount falls by it.</param>
/// <param name="RepayBy">The day by which money already paid beyond the new approved amount must be repaid.</param>
public sealed record DemandReclaim(long ExpectedVersion, decimal Amount, string Reason, DateOnly RepayBy) : IChangeCommand;

public sealed class DemandReclaimValidator : ChangeCommandValidator<DemandReclaim>
{
    public DemandReclaimValidator() : base(reasonRequired: true)
    {
        RuleFor(x => x.Amount).Money();
        RuleFor(x => x.RepayBy).PlausibleDate();
    }
}

public static class DemandReclaimEndpoint
{
    /// <summary>
    /// Revokes part or all of a grant (Rückforderung) and says by when to repay. The approved amount falls and the budget
    /// workflow releases the difference to the programme; answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/reclaims")]
    public static (CommandAccepted, Events, OutgoingMessages) Reclaim(
        DemandReclaim command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. FundingDecider.DemandReclaim(application, command.Amount, command.Reason, command.RepayBy, user.Stamp(clock))];
        return BudgetWorkflow.After(application, command, events);
    }
}
