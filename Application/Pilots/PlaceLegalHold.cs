using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Pilots;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>
/// Places (or replaces) a legal hold on the pilot's records, e.g. because funding audits need them until a date:
/// until then, erasure requests are refused with the hold's date and basis.
/// </summary>
/// <param name="HeldUntil">The last day the records must be kept.</param>
/// <param name="LegalBasis">Why they must be kept, e.g. the retention rule of a funding regulation.</param>
public sealed record PlaceLegalHold(long ExpectedVersion, DateOnly HeldUntil, string LegalBasis, string? Reason = null) : IChangeCommand;

public sealed class PlaceLegalHoldValidator : ChangeCommandValidator<PlaceLegalHold>
{
    public PlaceLegalHoldValidator()
    {
        RuleFor(x => x.HeldUntil).PlausibleDate();
        RuleFor(x => x.LegalBasis).NotEmpty().MaximumLength(CommonRules.NameLength);
    }
}

public static class PlaceLegalHoldEndpoint
{
    public static void Before(Pilot pilot, ClaimsPrincipal user) => user.EnsureActsForPilot(pilot.Id);

    /// <summary>
    /// Places (or replaces) a legal hold on the pilot's records until a date; until then erasure requests are refused. Answers
    /// the pilot's new version.
    /// </summary>
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePut("/api/pilots/{pilotId}/legal-hold")]
    public static (CommandAccepted, Events) Put(
        PlaceLegalHold command,
        [WriteAggregate] Pilot pilot,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [PilotDecider.PlaceLegalHold(pilot, command.HeldUntil, command.LegalBasis, user.Stamp(clock))];
        return (CommandAccepted.After(pilot.Id, command, events), events);
    }
}
