using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Network.Activities;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Activities;

/// <summary>
/// Records that a funding application pays for the activity: its costs then belong to that application's proof of use, and
/// the application lists the activity among what it funds.
/// </summary>
/// <param name="ApplicationId">The funding application.</param>
public sealed record LinkActivityFunding(long ExpectedVersion, Guid ApplicationId, string? Reason = null) : IChangeCommand;

public sealed class LinkActivityFundingValidator : ChangeCommandValidator<LinkActivityFunding>
{
    public LinkActivityFundingValidator()
    {
        RuleFor(x => x.ApplicationId).NotEmpty();
    }
}

public static class LinkActivityFundingEndpoint
{
    public static void Before(Activity activity, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(activity.AllianceId);

    /// <summary>Links the activity to the funding application that pays for it; answers its new version.</summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/activities/{activityId}/funding")]
    public static (CommandAccepted, Events) Post(
        LinkActivityFunding command, [WriteAggregate] Activity activity,
        [ReadAggregate(nameof(LinkActivityFunding.ApplicationId))] FundingApplication application, ClaimsPrincipal user, TimeProvider clock)
    {
        Events events = [ActivityDecider.LinkFunding(activity, application, user.Stamp(clock))];
        return (CommandAccepted.After(activity.Id, command, events), events);
    }
}
