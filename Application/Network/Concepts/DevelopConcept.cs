using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Network.Cohorts;
using Fachwerk.Domain.Network.Concepts;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Concepts;

/// <summary>Records a concept developed by participants of a cohort (e.g. "Expedition Job" in the leadership programme).</summary>
/// <param name="CohortId">The cohort whose participants developed it.</param>
/// <param name="Title">The concept's title.</param>
/// <param name="Summary">What it proposes.</param>
/// <param name="DeveloperIds">The participants who developed it; at least one.</param>
/// <param name="DevelopedOn">The day it was finished (within the cohort's period).</param>
/// <param name="TargetGroups">The groups it is for.</param>
public sealed record DevelopConcept(
    Guid CohortId, string Title, string Summary, IReadOnlyList<Guid> DeveloperIds, DateOnly DevelopedOn, IReadOnlyList<TargetGroup>? TargetGroups = null,
    string? Reason = null) : ICommand;

public sealed class DevelopConceptValidator : AbstractValidator<DevelopConcept>
{
    public DevelopConceptValidator()
    {
        RuleFor(x => x.CohortId).NotEmpty();
        RuleFor(x => x.Title).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Summary).NotEmpty().MaximumLength(NetworkValidation.TextLength);
        RuleFor(x => x.DeveloperIds).ShortList().NotEmpty().WithMessage("Name the participants who developed the concept.");
        RuleForEach(x => x.DeveloperIds).NotEmpty();
        RuleFor(x => x.DevelopedOn).PlausibleDate();
        RuleForEach(x => x.TargetGroups).IsInEnum();
        this.OptionalReasonRule();
    }
}

public static class DevelopConceptEndpoint
{
    /// <summary>Records a concept developed by participants of a cohort; answers its id, version and address.</summary>
    [DeduplicatedWithResponse(DeduplicationScope.User | DeduplicationScope.Endpoint, Required = false)]
    [Authorize(Roles = NetworkRoles.Keepers)]
    [WolverinePost("/api/concepts")]
    public static (StreamCreated, IStartStream) Post(
        DevelopConcept command, [ReadAggregate(nameof(DevelopConcept.CohortId))] Cohort cohort, ClaimsPrincipal user, TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        var developed = ConceptDecider.Develop(id, cohort, command.Title, command.Summary, command.TargetGroups ?? [], command.DeveloperIds,
            command.DevelopedOn, user.Stamp(clock));
        return (new StreamCreated(id, 1, NetworkUrls.Concept(id)), MartenOps.StartStream<Concept>(id, developed));
    }
}
