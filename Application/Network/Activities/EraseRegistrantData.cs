using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.People;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Network.Activities;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Activities;

public static class EraseRegistrantDataEndpoint
{
    public static void Before(Activity activity, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(activity.AllianceId);

    /// <summary>
    /// Erases a registrant's personal data on request (GDPR Art. 17) and destroys their key; the registration's day and status,
    /// and every count, stay. Answers the activity's new version.
    /// </summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/activities/{activityId}/registrations/{registrationId}/erasure")]
    public static (CommandAccepted, Events) Post(
        EraseRegistrantData command, Guid registrationId, [WriteAggregate] Activity activity, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ActivityDecider.EraseRegistrant(activity, registrationId, command.Request, user.Stamp(clock))];
        PersonalDataVault.DestroyKey(session, registrationId);
        return (CommandAccepted.After(activity.Id, command, events), events);
    }
}
