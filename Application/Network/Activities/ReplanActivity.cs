using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Activities;

/// <summary>
/// Moves an activity that lies ahead to other days or another place, or changes its capacity (never below the confirmed
/// registrations); a larger capacity gives free places to the waiting list in the order of registration.
/// </summary>
/// <param name="Dates">The days it is now planned for.</param>
/// <param name="Place">Where it now takes place.</param>
/// <param name="Capacity">How many registrations have a place now; none: no limit.</param>
public sealed record ReplanActivity(long ExpectedVersion, Period Dates, Place Place, int? Capacity, string Reason) : IChangeCommand;

public sealed class ReplanActivityValidator : ChangeCommandValidator<ReplanActivity>
{
    public ReplanActivityValidator() : base(reasonRequired: true)
    {
        this.PeriodRules(x => x.Dates);
        RuleFor(x => x.Place).NotNull().SetValidator(new PlaceValidator());
        RuleFor(x => x.Capacity).InclusiveBetween(1, PlanActivityValidator.MaxCapacity);
    }
}

public static class ReplanActivityEndpoint
{
    public static void Before(Activity activity, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(activity.AllianceId);

    /// <summary>Moves an activity to other days or another place, or changes its capacity; answers its new version.</summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePut("/api/activities/{activityId}/plan")]
    public static (CommandAccepted, Events) Put(ReplanActivity command, [WriteAggregate] Activity activity, ClaimsPrincipal user, TimeProvider clock)
    {
        Events events = [.. ActivityDecider.Replan(activity, command.Dates, command.Place, command.Capacity, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(activity.Id, command, events), events);
    }
}
