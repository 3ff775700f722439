using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Pilots;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>Sets the services the pilot offers (replacing the previous offer); an unchanged offer records nothing.</summary>
/// <param name="Services">The services the pilot offers from now on.</param>
public sealed record OfferPilotServices(long ExpectedVersion, IReadOnlyList<PilotService> Services, string? Reason = null) : IChangeCommand;

public sealed class OfferPilotServicesValidator : ChangeCommandValidator<OfferPilotServices>
{
    public OfferPilotServicesValidator()
    {
        RuleFor(x => x.Services).NotEmpty().WithMessage("A pilot offers at least one service.");
        RuleForEach(x => x.Services).IsInEnum();
    }
}

public static class OfferPilotServicesEndpoint
{
    public static void Before(Pilot pilot, ClaimsPrincipal user) => user.EnsureActsForPilot(pilot.Id);

    /// <summary>
    /// Sets the services the pilot offers, replacing the previous ones. An unchanged offer records nothing; answers the pilot's
    /// version.
    /// </summary>
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePut("/api/pilots/{pilotId}/services")]
    public static (CommandAccepted, Events) Put(
        OfferPilotServices command,
        [WriteAggregate] Pilot pilot,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. PilotDecider.OfferServices(pilot, command.Services, user.Stamp(clock))];
        return (CommandAccepted.After(pilot.Id, command, events), events);
    }
}
