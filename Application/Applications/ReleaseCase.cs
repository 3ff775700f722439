using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>The case goes back to the team's queue: given back by the person assigned, or released by a team lead.</summary>
/// <param name="Reason">Why; required when a team lead releases a colleague's case.</param>
public sealed record ReleaseCase(long ExpectedVersion, string? Reason = null) : IChangeCommand;

public sealed class ReleaseCaseValidator : ChangeCommandValidator<ReleaseCase>;

public static class ReleaseCaseEndpoint
{
    /// <summary>
    /// Gives the case back to the team's queue. The person assigned does it; a colleague's case only a team lead (role
    /// <c>team-lead</c>), with a reason. The status stays; answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.CaseHandlers)]
    [WolverinePost("/api/applications/{applicationId}/assignment/release")]
    public static (CommandAccepted, Events) Post(
        ReleaseCase command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [AssignmentDecider.Release(application, command.Reason, user.IsInRole(Roles.TeamLead), user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
