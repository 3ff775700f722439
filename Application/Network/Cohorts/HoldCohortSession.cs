using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Network.Cohorts;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Cohorts;

/// <summary>Records a session of the cohort (e.g. a full-day workshop) held in its period, and who attended.</summary>
/// <param name="HeldOn">The day it was held.</param>
/// <param name="Title">Its title or topic.</param>
/// <param name="AttendeeIds">The participants who attended.</param>
public sealed record HoldCohortSession(long ExpectedVersion, DateOnly HeldOn, string Title, IReadOnlyList<Guid> AttendeeIds, string? Reason = null)
    : IChangeCommand;

public sealed class HoldCohortSessionValidator : ChangeCommandValidator<HoldCohortSession>
{
    public HoldCohortSessionValidator()
    {
        RuleFor(x => x.HeldOn).PlausibleDate();
        RuleFor(x => x.Title).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.AttendeeIds).ShortList();
        RuleForEach(x => x.AttendeeIds).NotEmpty();
    }
}

public static class HoldCohortSessionEndpoint
{
    /// <summary>Records a session held in the cohort's period with its attendance; answers the session's id and the cohort's new version.</summary>
    [Authorize(Roles = NetworkRoles.Keepers)]
    [WolverinePost("/api/cohorts/{cohortId}/sessions")]
    public static (NetworkItemAdded, Events) Post(HoldCohortSession command, [WriteAggregate] Cohort cohort, ClaimsPrincipal user, TimeProvider clock)
    {
        var sessionId = Guid.CreateVersion7();
        Events events = [CohortDecider.HoldSession(cohort, sessionId, command.HeldOn, command.Title, command.AttendeeIds, user.Stamp(clock))];
        return (new NetworkItemAdded(cohort.Id, command.ExpectedVersion + events.Count, sessionId, NetworkUrls.Cohort(cohort.Id)), events);
    }
}
