using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Network.Concepts;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Concepts;

/// <summary>
/// Links the concept's project to the funding application its lead organisation submitted for it; the application then lists
/// the concept (and its cohort) as where it came from.
/// </summary>
/// <param name="ApplicationId">The funding application.</param>
/// <param name="LinkedOn">The day the link was made.</param>
public sealed record LinkConceptToApplication(long ExpectedVersion, Guid ApplicationId, DateOnly LinkedOn, string? Reason = null) : IChangeCommand;

public sealed class LinkConceptToApplicationValidator : ChangeCommandValidator<LinkConceptToApplication>
{
    public LinkConceptToApplicationValidator()
    {
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.LinkedOn).PlausibleDate();
    }
}

public static class LinkConceptToApplicationEndpoint
{
    /// <summary>Links a concept that became a project to the funding application of its lead organisation; answers its new version.</summary>
    [Authorize(Roles = NetworkRoles.Keepers)]
    [WolverinePost("/api/concepts/{conceptId}/funding-application")]
    public static (CommandAccepted, Events) Post(
        LinkConceptToApplication command, [WriteAggregate] Concept concept,
        [ReadAggregate(nameof(LinkConceptToApplication.ApplicationId))] FundingApplication application, ClaimsPrincipal user, TimeProvider clock)
    {
        Events events = [ConceptDecider.LinkApplication(concept, application, command.LinkedOn, user.Stamp(clock))];
        return (CommandAccepted.After(concept.Id, command, events), events);
    }
}
