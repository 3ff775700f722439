using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Network.Activities;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Activities;

/// <summary>Announces the activity to the public before it starts; registrations open.</summary>
/// <param name="AnnouncedOn">The day it was announced.</param>
/// <param name="Channel">Where: a web page, a newsletter, the press.</param>
public sealed record AnnounceActivity(long ExpectedVersion, DateOnly AnnouncedOn, string? Channel = null, string? Reason = null) : IChangeCommand;

public sealed class AnnounceActivityValidator : ChangeCommandValidator<AnnounceActivity>
{
    public AnnounceActivityValidator()
    {
        RuleFor(x => x.AnnouncedOn).PlausibleDate();
        RuleFor(x => x.Channel).MaximumLength(CommonRules.NameLength);
    }
}

public static class AnnounceActivityEndpoint
{
    public static void Before(Activity activity, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(activity.AllianceId);

    /// <summary>Announces a planned activity; registrations open. Answers its new version.</summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/activities/{activityId}/announcement")]
    public static (CommandAccepted, Events) Post(AnnounceActivity command, [WriteAggregate] Activity activity, ClaimsPrincipal user, TimeProvider clock)
    {
        Events events = [ActivityDecider.Announce(activity, command.AnnouncedOn, command.Channel, user.Stamp(clock))];
        return (CommandAccepted.After(activity.Id, command, events), events);
    }
}
