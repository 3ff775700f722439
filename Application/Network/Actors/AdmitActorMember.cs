using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Network.Actors;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Actors;

/// <summary>An organisation, alliance or other network actor becomes a member of the actor, in a role.</summary>
/// <param name="MemberId">The organisation, alliance or network actor that joins.</param>
/// <param name="Role">Its role: coordinator, steering group, member, partner or funder.</param>
/// <param name="JoinedOn">The day it joined.</param>
public sealed record AdmitActorMember(long ExpectedVersion, Guid MemberId, MemberRole Role, DateOnly JoinedOn, string? Reason = null) : IChangeCommand;

public sealed class AdmitActorMemberValidator : ChangeCommandValidator<AdmitActorMember>
{
    public AdmitActorMemberValidator()
    {
        RuleFor(x => x.MemberId).NotEmpty();
        RuleFor(x => x.Role).IsInEnum();
        RuleFor(x => x.JoinedOn).PlausibleDate();
    }
}

public static class AdmitActorMemberEndpoint
{
    public static void Before(NetworkActor actor, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(actor.AllianceId);

    /// <summary>Admits an organisation, alliance or network actor as a member in a role; answers the actor's new version.</summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/network-actors/{actorId}/members")]
    public static async Task<(CommandAccepted, Events)> Post(
        AdmitActorMember command, [WriteAggregate("actorId")] NetworkActor actor, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var member = await NetworkParties.ResolveAsync(session, command.MemberId, cancellation);
        Events events = [ActorDecider.AdmitMember(actor, member, command.Role, command.JoinedOn, user.Stamp(clock))];
        return (CommandAccepted.After(actor.Id, command, events), events);
    }
}
