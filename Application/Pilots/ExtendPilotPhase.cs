using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Pilots;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>
/// Moves the end of a running pilot phase later. The evaluation scheduled for the old end stays scheduled (Wolverine
/// cannot cancel it) and finds nothing to do; a new one is scheduled for the new end.
/// </summary>
/// <param name="NewEnd">The new last day of the pilot phase; later than the current one.</param>
public sealed record ExtendPilotPhase(long ExpectedVersion, DateOnly NewEnd, string Reason) : IChangeCommand;

public sealed class ExtendPilotPhaseValidator : ChangeCommandValidator<ExtendPilotPhase>
{
    public ExtendPilotPhaseValidator() : base(reasonRequired: true)
    {
        RuleFor(x => x.NewEnd).PlausibleDate();
    }
}

public static class ExtendPilotPhaseEndpoint
{
    public static void Before(Pilot pilot, ClaimsPrincipal user) => user.EnsureActsForPilot(pilot.Id);

    /// <summary>
    /// Moves the end of a running pilot phase later, with the reason. The evaluation moves with it; answers the pilot's new
    /// version.
    /// </summary>
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePost("/api/pilots/{pilotId}/phase-extension")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(
        ExtendPilotPhase command,
        [WriteAggregate] Pilot pilot,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. PilotDecider.ExtendPhase(pilot, command.NewEnd, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(pilot.Id, command, events), events,
            EvaluatePilotPhase.ScheduleUnlessDue(pilot.Id, pilot.Phase with { To = command.NewEnd }, events));
    }
}
