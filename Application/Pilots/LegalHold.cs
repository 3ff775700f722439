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
public sealed record PlaceLegalHold(long ExpectedVersion, DateOnly HeldUntil, string LegalBasis, string? Reason = null) : IChangeCommand;

public sealed class PlaceLegalHoldValidator : ChangeCommandValidator<PlaceLegalHold>
{
    public PlaceLegalHoldValidator()
    {
        RuleFor(x => x.HeldUntil).PlausibleDate();
        RuleFor(x => x.LegalBasis).NotEmpty().MaximumLength(CommonRules.NameLength);
    }
}

/// <summary>Lifts the legal hold; the reason is required.</summary>
public sealed record LiftLegalHold(long ExpectedVersion, string Reason) : IChangeCommand;

public sealed class LiftLegalHoldValidator() : ChangeCommandValidator<LiftLegalHold>(reasonRequired: true);

public static class LegalHoldEndpoints
{
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePut("/api/pilots/{pilotId}/legal-hold")]
    public static (CommandAccepted, Events) Put(
        PlaceLegalHold command,
        [WriteAggregate(VersionSource = nameof(IChangeCommand.ExpectedVersion))] Pilot pilot,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        user.EnsureActsForPilot(pilot.Id);
        Events events = [PilotDecider.PlaceLegalHold(pilot, command.HeldUntil, command.LegalBasis, user.Stamp(clock))];
        return (CommandAccepted.After(pilot.Id, command, events), events);
    }

    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePost("/api/pilots/{pilotId}/legal-hold/lifting")]
    public static (CommandAccepted, Events) Post(
        LiftLegalHold command,
        [WriteAggregate(VersionSource = nameof(IChangeCommand.ExpectedVersion))] Pilot pilot,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        user.EnsureActsForPilot(pilot.Id);
        Events events = [PilotDecider.LiftLegalHold(pilot, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(pilot.Id, command, events), events);
    }
}
