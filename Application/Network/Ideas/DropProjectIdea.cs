using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Network.Ideas;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Ideas;

/// <summary>The alliance gives the idea up, with the reason.</summary>
/// <param name="DroppedOn">The day it was given up.</param>
public sealed record DropProjectIdea(long ExpectedVersion, DateOnly DroppedOn, string Reason) : IChangeCommand;

public sealed class DropProjectIdeaValidator : ChangeCommandValidator<DropProjectIdea>
{
    public DropProjectIdeaValidator() : base(reasonRequired: true)
    {
        RuleFor(x => x.DroppedOn).PlausibleDate();
    }
}

public static class DropProjectIdeaEndpoint
{
    public static void Before(ProjectIdea idea, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(idea.AllianceId);

    /// <summary>Gives an open idea up; answers its new version.</summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/project-ideas/{ideaId}/abandonment")]
    public static (CommandAccepted, Events) Post(DropProjectIdea command, [WriteAggregate("ideaId")] ProjectIdea idea, ClaimsPrincipal user, TimeProvider clock)
    {
        Events events = [IdeaDecider.Drop(idea, command.DroppedOn, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(idea.Id, command, events), events);
    }
}
