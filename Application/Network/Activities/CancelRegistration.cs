using System.Security.Claims;
using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Network.Activities;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Activities;

/// <summary>Cancels a registration before the activity; a place it frees goes to the first on the waiting list. No free-text reason.</summary>
/// <param name="CancelledOn">The day the registrant cancelled.</param>
public sealed record CancelRegistration(long ExpectedVersion, DateOnly CancelledOn) : IChangeCommand
{
    [JsonIgnore]
    public string? Reason => null;
}

public sealed class CancelRegistrationValidator : AbstractValidator<CancelRegistration>
{
    public CancelRegistrationValidator()
    {
        this.ExpectedVersionRule();
        RuleFor(x => x.CancelledOn).PlausibleDate();
    }
}

public static class CancelRegistrationEndpoint
{
    public static void Before(Activity activity, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(activity.AllianceId);

    /// <summary>Cancels a registration; the first on the waiting list moves up into a freed place. Answers the activity's new version.</summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/activities/{activityId}/registrations/{registrationId}/cancellation")]
    public static (CommandAccepted, Events) Post(
        CancelRegistration command, Guid registrationId, [WriteAggregate] Activity activity, ClaimsPrincipal user, TimeProvider clock)
    {
        Events events = [.. ActivityDecider.CancelRegistration(activity, registrationId, command.CancelledOn, user.Stamp(clock))];
        return (CommandAccepted.After(activity.Id, command, events), events);
    }
}
