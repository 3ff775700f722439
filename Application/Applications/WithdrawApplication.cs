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
/// The applicant withdraws the application. Before the decision that ends it; after an approval it renounces the funding,
/// and the budget commitment workflow releases the committed money.
/// </summary>
public sealed record WithdrawApplication(long ExpectedVersion, string Reason) : IChangeCommand;

public sealed class WithdrawApplicationValidator() : ChangeCommandValidator<WithdrawApplication>(reasonRequired: true);

public static class WithdrawApplicationEndpoint
{
    public static void Before(FundingApplication application, ClaimsPrincipal user) => user.EnsureActsForOrganisation(application.ApplicantId);

    /// <summary>
    /// Withdraws the application, with the reason. Money already committed goes back to the programme (by the budget workflow);
    /// answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Applicant)]
    [WolverinePost("/api/applications/{applicationId}/withdrawal")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(
        WithdrawApplication command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ApplicationDecider.Withdraw(application, command.Reason, user.Stamp(clock))];
        return BudgetWorkflow.After(application, command, events);
    }
}
