using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Pilots;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>Lifts the legal hold; the reason is required.</summary>
public sealed record LiftLegalHold(long ExpectedVersion, string Reason) : IChangeCommand;

public sealed class LiftLegalHoldValidator() : ChangeCommandValidator<LiftLegalHold>(reasonRequired: true);

public static class LiftLegalHoldEndpoint
{
    public static void Before(Pilot pilot, ClaimsPrincipal user) => user.EnsureActsForPilot(pilot.Id);

    /// <summary>Lifts the legal hold on the pilot's records, with the reason. Answers the pilot's new version.</summary>
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePost("/api/pilots/{pilotId}/legal-hold/lifting")]
    public static (CommandAccepted, Events) Post(
        LiftLegalHold command,
        [WriteAggregate] Pilot pilot,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [PilotDecider.LiftLegalHold(pilot, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(pilot.Id, command, events), events);
    }
}
