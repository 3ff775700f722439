using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Network.Activities;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Activities;

/// <summary>Cancels an activity that lies ahead, with the reason; a held activity cannot be cancelled.</summary>
/// <param name="CancelledOn">The day it was cancelled.</param>
public sealed record CancelActivity(long ExpectedVersion, DateOnly CancelledOn, string Reason) : IChangeCommand;

public sealed class CancelActivityValidator : ChangeCommandValidator<CancelActivity>
{
    public CancelActivityValidator() : base(reasonRequired: true)
    {
        RuleFor(x => x.CancelledOn).PlausibleDate();
    }
}

public static class CancelActivityEndpoint
{
    public static void Before(Activity activity, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(activity.AllianceId);

    /// <summary>Cancels a planned or announced activity; answers its new version.</summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/activities/{activityId}/cancellation")]
    public static (CommandAccepted, Events) Post(CancelActivity command, [WriteAggregate] Activity activity, ClaimsPrincipal user, TimeProvider clock)
    {
        Events events = [ActivityDecider.Cancel(activity, command.CancelledOn, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(activity.Id, command, events), events);
    }
}
