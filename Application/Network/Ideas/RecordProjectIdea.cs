using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Network.Ideas;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Ideas;

/// <summary>
/// An alliance records a project it develops and initiates before any applicant exists: the idea, the partners it seeks and
/// the target groups.
/// </summary>
/// <param name="AllianceId">The alliance whose idea it is.</param>
/// <param name="Title">The idea's title.</param>
/// <param name="Idea">What the project would do.</param>
/// <param name="RecordedOn">The day it was recorded.</param>
/// <param name="PartnersSought">The partners it needs, e.g. "Handwerksbetriebe der Region".</param>
/// <param name="TargetGroups">The groups it is for.</param>
public sealed record RecordProjectIdea(
    Guid AllianceId, string Title, string Idea, DateOnly RecordedOn, IReadOnlyList<string>? PartnersSought = null,
    IReadOnlyList<TargetGroup>? TargetGroups = null, string? Reason = null) : ICommand;

public sealed class RecordProjectIdeaValidator : AbstractValidator<RecordProjectIdea>
{
    public RecordProjectIdeaValidator()
    {
        RuleFor(x => x.AllianceId).NotEmpty();
        RuleFor(x => x.Title).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Idea).NotEmpty().MaximumLength(NetworkValidation.TextLength);
        RuleFor(x => x.RecordedOn).PlausibleDate();
        RuleFor(x => x.PartnersSought!).ShortList().When(x => x.PartnersSought is not null);
        RuleForEach(x => x.PartnersSought).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleForEach(x => x.TargetGroups).IsInEnum();
        this.OptionalReasonRule();
    }
}

public static class RecordProjectIdeaEndpoint
{
    public static void Before(RecordProjectIdea command, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(command.AllianceId);

    /// <summary>Records an alliance's project idea; answers its id, version and address.</summary>
    [DeduplicatedWithResponse(DeduplicationScope.User | DeduplicationScope.Endpoint, Required = false)]
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/project-ideas")]
    public static (StreamCreated, IStartStream) Post(
        RecordProjectIdea command, [ReadAggregate(nameof(RecordProjectIdea.AllianceId))] Alliance alliance, ClaimsPrincipal user, TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        var recorded = IdeaDecider.Record(id, alliance,
            new IdeaSketch(command.Title, command.Idea, command.PartnersSought ?? [], command.TargetGroups ?? [], command.RecordedOn), user.Stamp(clock));
        return (new StreamCreated(id, 1, NetworkUrls.Idea(id)), MartenOps.StartStream<ProjectIdea>(id, recorded));
    }
}
