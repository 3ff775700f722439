using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>The second person sends the proposed decision back to the caseworker, with the reason.</summary>
public sealed record ReturnDecision(long ExpectedVersion, string Reason) : IChangeCommand;

public sealed class ReturnDecisionValidator() : ChangeCommandValidator<ReturnDecision>(reasonRequired: true);

public static class ReturnDecisionEndpoint
{
    /// <summary>
    /// Sends a proposed decision back to the caseworker, with the reason (four-eyes). Answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Approver)]
    [WolverinePost("/api/applications/{applicationId}/decision-return")]
    public static (CommandAccepted, Events) Post(
        ReturnDecision command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ApplicationDecider.ReturnDecision(application, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
