using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Network.Ideas;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Ideas;

/// <summary>A partner commits to the project idea; the idea is then being prepared.</summary>
/// <param name="PartnerId">The organisation, alliance or network actor that commits.</param>
/// <param name="CommittedOn">The day it committed.</param>
public sealed record CommitIdeaPartner(long ExpectedVersion, Guid PartnerId, DateOnly CommittedOn, string? Reason = null) : IChangeCommand;

public sealed class CommitIdeaPartnerValidator : ChangeCommandValidator<CommitIdeaPartner>
{
    public CommitIdeaPartnerValidator()
    {
        RuleFor(x => x.PartnerId).NotEmpty();
        RuleFor(x => x.CommittedOn).PlausibleDate();
    }
}

public static class CommitIdeaPartnerEndpoint
{
    public static void Before(ProjectIdea idea, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(idea.AllianceId);

    /// <summary>Records that a partner committed to the idea; answers its new version.</summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/project-ideas/{ideaId}/partners")]
    public static async Task<(CommandAccepted, Events)> Post(
        CommitIdeaPartner command, [WriteAggregate("ideaId")] ProjectIdea idea, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var partner = await NetworkParties.ResolveAsync(session, command.PartnerId, cancellation);
        Events events = [IdeaDecider.CommitPartner(idea, partner, command.CommittedOn, user.Stamp(clock))];
        return (CommandAccepted.After(idea.Id, command, events), events);
    }
}
