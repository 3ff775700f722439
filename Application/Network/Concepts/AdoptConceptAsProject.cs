using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Network.Concepts;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Concepts;

/// <summary>The concept becomes a project led by an organisation (once).</summary>
/// <param name="ProjectTitle">The project's title.</param>
/// <param name="LeadOrganisationId">The organisation that leads it (and may apply for funding for it).</param>
/// <param name="AdoptedOn">The day it became a project.</param>
public sealed record AdoptConceptAsProject(long ExpectedVersion, string ProjectTitle, Guid LeadOrganisationId, DateOnly AdoptedOn, string? Reason = null)
    : IChangeCommand;

public sealed class AdoptConceptAsProjectValidator : ChangeCommandValidator<AdoptConceptAsProject>
{
    public AdoptConceptAsProjectValidator()
    {
        RuleFor(x => x.ProjectTitle).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.LeadOrganisationId).NotEmpty();
        RuleFor(x => x.AdoptedOn).PlausibleDate();
    }
}

public static class AdoptConceptAsProjectEndpoint
{
    /// <summary>Makes the concept a project led by an organisation; a concept becomes a project once. Answers its new version.</summary>
    [Authorize(Roles = NetworkRoles.Keepers)]
    [WolverinePost("/api/concepts/{conceptId}/project")]
    public static async Task<(CommandAccepted, Events)> Post(
        AdoptConceptAsProject command, [WriteAggregate] Concept concept, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var lead = await NetworkParties.ResolveAsync(session, command.LeadOrganisationId, cancellation);
        Events events = [ConceptDecider.AdoptAsProject(concept, command.ProjectTitle, lead, command.AdoptedOn, user.Stamp(clock))];
        return (CommandAccepted.After(concept.Id, command, events), events);
    }
}
