using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Network.Actors;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Actors;

/// <summary>Records that a member left the actor.</summary>
/// <param name="LeftOn">The day it left.</param>
public sealed record RecordActorMemberLeaving(long ExpectedVersion, DateOnly LeftOn, string? Reason = null) : IChangeCommand;

public sealed class RecordActorMemberLeavingValidator : ChangeCommandValidator<RecordActorMemberLeaving>
{
    public RecordActorMemberLeavingValidator()
    {
        RuleFor(x => x.LeftOn).PlausibleDate();
    }
}

public static class RecordActorMemberLeavingEndpoint
{
    public static void Before(NetworkActor actor, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(actor.AllianceId);

    /// <summary>Records that a member left the actor; answers the actor's new version.</summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/network-actors/{actorId}/members/{memberId}/departure")]
    public static (CommandAccepted, Events) Post(
        RecordActorMemberLeaving command, Guid memberId, [WriteAggregate("actorId")] NetworkActor actor, ClaimsPrincipal user, TimeProvider clock)
    {
        Events events = [ActorDecider.RecordLeaving(actor, memberId, command.LeftOn, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(actor.Id, command, events), events);
    }
}
