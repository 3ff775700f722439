using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// The case goes to a person of the team: taken by the caller ("to me"), handed to a colleague, or reassigned by a team lead.
/// The status does not change.
/// </summary>
/// <param name="Assignee">The user id of the person who works on the case from now on: the caller's own, or a colleague's from
/// <c>GET /api/colleagues</c>.</param>
/// <param name="Reason">Why; required when a team lead takes the case from a colleague.</param>
public sealed record AssignCase(long ExpectedVersion, string Assignee, string? Reason = null) : IChangeCommand;

public sealed class AssignCaseValidator : ChangeCommandValidator<AssignCase>
{
    public AssignCaseValidator() => RuleFor(x => x.Assignee).NotEmpty().WithMessage("Name the person who takes the case.").MaximumLength(CommonRules.ShortTextLength);
}

public static class AssignCaseEndpoint
{
    /// <summary>The person named: the caller, as the token says, or a colleague of the team (404 for anybody else).</summary>
    public static Colleague Load(AssignCase command, ClaimsPrincipal user, IOptions<TeamOptions> team)
    {
        var me = user.UserId();
        if (string.Equals(command.Assignee.Trim(), me, StringComparison.OrdinalIgnoreCase))
            return new Colleague(me, user.FindFirstValue(UserClaims.Name) ?? me);
        return team.Value.Find(command.Assignee.Trim())
               ?? throw new UnknownEntity("assignment.unknown-colleague", $"'{command.Assignee.Trim()}' is not a member of the team (GET /api/colleagues).");
    }

    /// <summary>
    /// Assigns the case to a person: to the caller, or to a colleague. A case assigned to somebody else is reassigned only by a
    /// team lead (role <c>team-lead</c>), who gives a reason. The status stays; answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.CaseHandlers)]
    [WolverinePut("/api/applications/{applicationId}/assignment")]
    public static (CommandAccepted, Events) Put(
        AssignCase command,
        [WriteAggregate("applicationId")] FundingApplication application,
        Colleague assignee,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [AssignmentDecider.Assign(application, assignee, command.Reason, user.IsInRole(Roles.TeamLead), user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
