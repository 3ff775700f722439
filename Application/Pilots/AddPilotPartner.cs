using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Pilots;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>A partner at home or abroad joins the pilot: country as ISO 3166-1 alpha-2 code (DE, LV), and its role.</summary>
/// <param name="Name">The partner's name.</param>
/// <param name="Country">The partner's country, as ISO 3166-1 alpha-2 code (DE, LV).</param>
/// <param name="Role">What the partner does in the pilot, e.g. recruiting partner abroad.</param>
/// <param name="JoinedOn">The day the partner joined.</param>
public sealed record AddPilotPartner(long ExpectedVersion, string Name, string Country, string Role, DateOnly JoinedOn, string? Reason = null)
    : IChangeCommand;

public sealed class AddPilotPartnerValidator : ChangeCommandValidator<AddPilotPartner>
{
    public AddPilotPartnerValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Country).CountryCode();
        RuleFor(x => x.Role).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.JoinedOn).PlausibleDate();
    }
}

public static class AddPilotPartnerEndpoint
{
    public static void Before(Pilot pilot, ClaimsPrincipal user) => user.EnsureActsForPilot(pilot.Id);

    /// <summary>Adds a partner at home or abroad to the pilot. Answers the partner's id and the pilot's new version.</summary>
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePost("/api/pilots/{pilotId}/partners")]
    public static (PilotItemAdded, Events) Post(
        AddPilotPartner command,
        [WriteAggregate] Pilot pilot,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var partnerId = Guid.CreateVersion7();
        Events events = [PilotDecider.AddPartner(pilot, partnerId, command.Name, command.Country, command.Role, command.JoinedOn, user.Stamp(clock))];
        return (new PilotItemAdded(pilot.Id, command.ExpectedVersion + events.Count, partnerId, PilotUrls.Pilot(pilot.Id)), events);
    }
}
