using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Programmes;

/// <summary>Takes money from a programme's budget; never below what is already committed.</summary>
/// <param name="Amount">How much the budget falls, in EUR.</param>
public sealed record CutProgramme(long ExpectedVersion, decimal Amount, string Reason) : IChangeCommand;

public sealed class CutProgrammeValidator : ChangeCommandValidator<CutProgramme>
{
    public CutProgrammeValidator() : base(reasonRequired: true)
    {
        RuleFor(x => x.Amount).Money();
    }
}

public static class CutProgrammeEndpoint
{
    /// <summary>
    /// Takes money from a programme's budget, with the reason; never below what is committed. Answers the programme's new
    /// version.
    /// </summary>
    [Authorize(Roles = Roles.ProgrammeManagers)]
    [WolverinePost("/api/programmes/{programmeId}/cuts")]
    public static (CommandAccepted, Events) Cut(
        CutProgramme command,
        [WriteAggregate("programmeId")] FundingProgramme programme,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ProgrammeDecider.Cut(programme, command.Amount, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(programme.Id, command, events), events);
    }
}
