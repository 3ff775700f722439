using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Programmes;

/// <summary>Extends a call's submission window to a later last day.</summary>
/// <param name="NewLastDay">The call's new last day for submissions (German calendar day).</param>
public sealed record ExtendCall(long ExpectedVersion, DateOnly NewLastDay, string Reason) : IChangeCommand;

public sealed class ExtendCallValidator : ChangeCommandValidator<ExtendCall>
{
    public ExtendCallValidator() : base(reasonRequired: true)
    {
        RuleFor(x => x.NewLastDay).PlausibleDate();
    }
}

public static class ExtendCallEndpoint
{
    /// <summary>
    /// Extends an open call's submission window to a later last day, within the funding period and clear of the other open calls,
    /// with the reason. Answers the programme's new version.
    /// </summary>
    [Authorize(Roles = Roles.ProgrammeManagers)]
    [WolverinePost("/api/programmes/{programmeId}/calls/{number}/extension")]
    public static (CommandAccepted, Events) Post(
        ExtendCall command,
        int number,
        [WriteAggregate("programmeId")] FundingProgramme programme,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ProgrammeDecider.ExtendCall(programme, number, command.NewLastDay, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(programme.Id, command, events), events);
    }
}
