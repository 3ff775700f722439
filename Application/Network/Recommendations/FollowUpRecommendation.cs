using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Network.Recommendations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Recommendations;

/// <summary>Records what became of a recommendation: acknowledged, in progress, implemented or declined, with a note.</summary>
/// <param name="FollowedUpOn">The day of the follow-up.</param>
/// <param name="Status">What the municipality did.</param>
/// <param name="Note">What happened, in a sentence or two.</param>
public sealed record FollowUpRecommendation(long ExpectedVersion, DateOnly FollowedUpOn, FollowUpStatus Status, string Note, string? Reason = null)
    : IChangeCommand;

public sealed class FollowUpRecommendationValidator : ChangeCommandValidator<FollowUpRecommendation>
{
    public FollowUpRecommendationValidator()
    {
        RuleFor(x => x.FollowedUpOn).PlausibleDate();
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Note).NotEmpty().MaximumLength(CommonRules.ReasonLength);
    }
}

public static class FollowUpRecommendationEndpoint
{
    public static void Before(Recommendation recommendation, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(recommendation.AllianceId);

    /// <summary>Records a follow-up of a recommendation; nothing follows once it is implemented or declined. Answers its new version.</summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/recommendations/{recommendationId}/follow-ups")]
    public static (CommandAccepted, Events) Post(
        FollowUpRecommendation command, [WriteAggregate] Recommendation recommendation, ClaimsPrincipal user, TimeProvider clock)
    {
        Events events = [RecommendationDecider.FollowUp(recommendation, command.FollowedUpOn, command.Status, command.Note, user.Stamp(clock))];
        return (CommandAccepted.After(recommendation.Id, command, events), events);
    }
}
