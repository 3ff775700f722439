using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Alliances;

/// <summary>Dissolves the alliance; afterwards it no longer changes.</summary>
/// <param name="DissolvedOn">The day the alliance was dissolved.</param>
public sealed record DissolveAlliance(long ExpectedVersion, DateOnly DissolvedOn, string Reason) : IChangeCommand;

public sealed class DissolveAllianceValidator : ChangeCommandValidator<DissolveAlliance>
{
    public DissolveAllianceValidator() : base(reasonRequired: true)
    {
        RuleFor(x => x.DissolvedOn).PlausibleDate();
    }
}

public static class DissolveAllianceEndpoint
{
    /// <summary>Dissolves the alliance, with the reason. Afterwards it no longer changes; answers its new version.</summary>
    [Authorize(Roles = Roles.RegistryKeepers)]
    [WolverinePost("/api/alliances/{allianceId}/dissolution")]
    public static (CommandAccepted, Events) Post(
        DissolveAlliance command,
        [WriteAggregate] Alliance alliance,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [AllianceDecider.Dissolve(alliance, command.DissolvedOn, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(alliance.Id, command, events), events);
    }
}
