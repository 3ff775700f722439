using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Pilots;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>Cancels a recorded spending (ADR 0127); the reason is required.</summary>
/// <param name="Reason">Why the spending is cancelled (required; kept in the pilot's history).</param>
public sealed record CancelPilotSpending(long ExpectedVersion, string Reason) : IChangeCommand;

public sealed class CancelPilotSpendingValidator() : ChangeCommandValidator<CancelPilotSpending>(reasonRequired: true);

public static class CancelPilotSpendingEndpoint
{
    public static void Before(Pilot pilot, ClaimsPrincipal user) => user.EnsureActsForPilot(pilot.Id);

    /// <summary>
    /// Cancels a recorded spending of the pilot, with the reason: it no longer counts against its source, and it is not corrected
    /// afterwards. The recorded spending stays in the history. Answers the pilot's new version.
    /// </summary>
    /// <param name="spendingId">The spending's id, as recording it answered (<c>itemId</c>) and the pilot lists it.</param>
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePost("/api/pilots/{pilotId}/spending/{spendingId}/cancellation")]
    public static (CommandAccepted, Events) Post(
        CancelPilotSpending command,
        Guid spendingId,
        [WriteAggregate] Pilot pilot,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [PilotDecider.CancelSpending(pilot, spendingId, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(pilot.Id, command, events), events);
    }
}
