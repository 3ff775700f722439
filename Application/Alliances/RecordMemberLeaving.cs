using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Alliances;

/// <summary>A member organisation leaves the alliance.</summary>
/// <param name="LeftOn">The day the member left.</param>
public sealed record RecordMemberLeaving(long ExpectedVersion, DateOnly LeftOn, string? Reason = null) : IChangeCommand;

public sealed class RecordMemberLeavingValidator : ChangeCommandValidator<RecordMemberLeaving>
{
    public RecordMemberLeavingValidator()
    {
        RuleFor(x => x.LeftOn).PlausibleDate();
    }
}

public static class RecordMemberLeavingEndpoint
{
    /// <summary>Records that a member organisation left the alliance. Answers the alliance's new version.</summary>
    [Authorize(Roles = Roles.RegistryKeepers)]
    [WolverinePost("/api/alliances/{allianceId}/members/{organisationId}/departure")]
    public static (CommandAccepted, Events) Post(
        RecordMemberLeaving command,
        Guid organisationId,
        [WriteAggregate] Alliance alliance,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [AllianceDecider.RecordLeaving(alliance, organisationId, command.LeftOn, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(alliance.Id, command, events), events);
    }
}
