using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Programmes;

/// <summary>Sets the planning figure for one alliance's applications; it may be exceeded only with a reason.</summary>
/// <param name="Amount">The planning figure for the alliance's applications in this programme, in EUR.</param>
public sealed record SetPlanningBudget(long ExpectedVersion, decimal Amount, string? Reason = null) : IChangeCommand;

public sealed class SetPlanningBudgetValidator : ChangeCommandValidator<SetPlanningBudget>
{
    public SetPlanningBudgetValidator()
    {
        RuleFor(x => x.Amount).MoneyOrZero();
    }
}

public static class SetPlanningBudgetEndpoint
{
    /// <summary>
    /// Sets the planning figure for one alliance's applications in a programme. Approvals may exceed it only with a reason;
    /// answers the programme's new version.
    /// </summary>
    [Authorize(Roles = Roles.ProgrammeManagers)]
    [WolverinePut("/api/programmes/{programmeId}/planning-budgets/{allianceId}")]
    public static (CommandAccepted, Events) Put(
        SetPlanningBudget command,
        [WriteAggregate("programmeId")] FundingProgramme programme,
        [ReadAggregate("allianceId")] Alliance alliance,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ProgrammeDecider.SetPlanningBudget(programme, alliance.Id, command.Amount, user.Stamp(clock))];
        return (CommandAccepted.After(programme.Id, command, events), events);
    }
}
