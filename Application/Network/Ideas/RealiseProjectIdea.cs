using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Network.Ideas;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Ideas;

/// <summary>
/// Links the idea to the funding application that realises it (an application in the alliance's region); the application then
/// lists the idea as where it came from.
/// </summary>
/// <param name="ApplicationId">The funding application.</param>
/// <param name="RealisedOn">The day the link was made.</param>
public sealed record RealiseProjectIdea(long ExpectedVersion, Guid ApplicationId, DateOnly RealisedOn, string? Reason = null) : IChangeCommand;

public sealed class RealiseProjectIdeaValidator : ChangeCommandValidator<RealiseProjectIdea>
{
    public RealiseProjectIdeaValidator()
    {
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.RealisedOn).PlausibleDate();
    }
}

public static class RealiseProjectIdeaEndpoint
{
    public static void Before(ProjectIdea idea, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(idea.AllianceId);

    /// <summary>Links the idea to the funding application that realises it; answers its new version.</summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/project-ideas/{ideaId}/realisation")]
    public static (CommandAccepted, Events) Post(
        RealiseProjectIdea command, [WriteAggregate("ideaId")] ProjectIdea idea,
        [ReadAggregate(nameof(RealiseProjectIdea.ApplicationId))] FundingApplication application, ClaimsPrincipal user, TimeProvider clock)
    {
        Events events = [IdeaDecider.Realise(idea, application, command.RealisedOn, user.Stamp(clock))];
        return (CommandAccepted.After(idea.Id, command, events), events);
    }
}
