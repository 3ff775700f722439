using Fachwerk.Application.Privacy;
using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.People;
using Fachwerk.Domain.Network.Activities;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Network.Activities;

/// <summary>Which registrations to list.</summary>
/// <param name="Status">Only registrations with this status (confirmed, waitlisted, cancelled).</param>
public sealed record RegistrationQuery(RegistrationStatus? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IPagedQuery;

public sealed class RegistrationQueryValidator : AbstractValidator<RegistrationQuery>
{
    public RegistrationQueryValidator()
    {
        RuleFor(x => x.Status).IsInEnum();
        this.PagingRules();
    }
}

/// <summary>The reads that open the personal data of an activity's registrants and speakers, for the roles that need them.</summary>
public static class GetActivityPeopleEndpoints
{
    public static void Before(ActivityDetails activity, ClaimsPrincipal user) => user.EnsureMayReadNetworkPeople(activity.AllianceId);

    /// <summary>Lists the registrations of an activity with the registrants' personal data (unless erased), one page at a time.</summary>
    [Authorize(Roles = NetworkRoles.PersonalDataReaders)]
    [WolverineGet("/api/activities/{activityId}/registrations")]
    public static Task<Page<NetworkPersonView>> Registrations(
        [Document("activityId")] ActivityDetails activity, [FromQuery] RegistrationQuery query, IQuerySession session, PersonalDataVault vault, CancellationToken cancellation)
    {
        var registrations = session.Query<NetworkPersonRecord>().Where(p => p.OwnerId == activity.Id && p.Role == NetworkPersonRole.Registrant);
        if (query.Status is { } status)
            registrations = registrations.Where(p => p.Registration == status);
        return NetworkPeople.PageAsync(vault, session, registrations, query.Page, query.PageSize, cancellation);
    }

    /// <summary>Lists the speakers of a held activity's programme with their personal data (unless erased).</summary>
    [Authorize(Roles = NetworkRoles.PersonalDataReaders)]
    [WolverineGet("/api/activities/{activityId}/speakers")]
    public static Task<IReadOnlyList<NetworkPersonView>> Speakers(
        [Document("activityId")] ActivityDetails activity, IQuerySession session, PersonalDataVault vault, CancellationToken cancellation) =>
        NetworkPeople.ListAsync(vault, session, activity.Id, NetworkPersonRole.Speaker, cancellation);
}
