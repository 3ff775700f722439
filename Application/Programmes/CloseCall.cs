using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Programmes;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Programmes;

/// <summary>Closes a call before its window ends (e.g. its budget is requested in full): it takes no further submissions.</summary>
public sealed record CloseCall(long ExpectedVersion, string Reason) : IChangeCommand;

public sealed class CloseCallValidator : ChangeCommandValidator<CloseCall>
{
    public CloseCallValidator() : base(reasonRequired: true)
    {
    }
}

public static class CloseCallEndpoint
{
    /// <summary>Closes an open call before its window ends, with the reason; it takes no further submissions. Answers the programme's new version.</summary>
    [Authorize(Roles = Roles.ProgrammeManagers)]
    [WolverinePost("/api/programmes/{programmeId}/calls/{number}/closure")]
    public static (CommandAccepted, Events) Post(
        CloseCall command,
        int number,
        [WriteAggregate("programmeId")] FundingProgramme programme,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ProgrammeDecider.CloseCall(programme, number, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(programme.Id, command, events), events);
    }
}
