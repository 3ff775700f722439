using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Programmes;

/// <summary>Adds money to a programme's budget (e.g. a supplementary allocation).</summary>
/// <param name="Amount">How much the budget grows, in EUR.</param>
public sealed record TopUpProgramme(long ExpectedVersion, decimal Amount, string Reason) : IChangeCommand;

public sealed class TopUpProgrammeValidator : ChangeCommandValidator<TopUpProgramme>
{
    public TopUpProgrammeValidator() : base(reasonRequired: true)
    {
        RuleFor(x => x.Amount).Money();
    }
}

public static class TopUpProgrammeEndpoint
{
    /// <summary>
    /// Adds money to a programme's budget (e.g. a supplementary allocation), with the reason. Answers the programme's new
    /// version.
    /// </summary>
    [Authorize(Roles = Roles.ProgrammeManagers)]
    [WolverinePost("/api/programmes/{programmeId}/top-ups")]
    public static (CommandAccepted, Events) TopUp(
        TopUpProgramme command,
        [WriteAggregate("programmeId")] FundingProgramme programme,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ProgrammeDecider.TopUp(programme, command.Amount, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(programme.Id, command, events), events);
    }
}
