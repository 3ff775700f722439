using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Alliances;

/// <summary>Sets the target groups the alliance focuses on (replacing the previous focus); an unchanged focus records nothing.</summary>
/// <param name="TargetGroups">The target groups the alliance focuses on from now on.</param>
public sealed record FocusOnTargetGroups(long ExpectedVersion, IReadOnlyList<TargetGroup> TargetGroups, string? Reason = null) : IChangeCommand;

public sealed class FocusOnTargetGroupsValidator : ChangeCommandValidator<FocusOnTargetGroups>
{
    public FocusOnTargetGroupsValidator()
    {
        RuleFor(x => x.TargetGroups).NotNull();
        RuleForEach(x => x.TargetGroups).IsInEnum();
    }
}

public static class FocusOnTargetGroupsEndpoint
{
    /// <summary>
    /// Sets the target groups the alliance focuses on, replacing the previous ones. An unchanged focus records nothing; answers
    /// the alliance's version.
    /// </summary>
    [Authorize(Roles = Roles.RegistryKeepers)]
    [WolverinePut("/api/alliances/{allianceId}/target-groups")]
    public static (CommandAccepted, Events) Put(
        FocusOnTargetGroups command,
        [WriteAggregate] Alliance alliance,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. AllianceDecider.FocusOn(alliance, command.TargetGroups, user.Stamp(clock))];
        return (CommandAccepted.After(alliance.Id, command, events), events);
    }
}
