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

/// <summary>The erasures of an activity's people: each records the erasure and destroys the person's key in one transaction.</summary>
public static class EraseActivityPeopleDataEndpoints
{
    public static void Before(Activity activity, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(activity.AllianceId);

    /// <summary>
    /// Erases a registrant's personal data on request (GDPR Art. 17) and destroys their key; the registration's day and status,
    /// and every count, stay. Answers the activity's new version.
    /// </summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/activities/{activityId}/registrations/{registrationId}/erasure")]
    public static (CommandAccepted, Events) Registrant(
        EraseRegistrantData command, Guid registrationId, [WriteAggregate] Activity activity, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ActivityDecider.EraseRegistrant(activity, registrationId, command.Request, user.Stamp(clock))];
        PersonalDataVault.DestroyKey(session, registrationId);
        return (CommandAccepted.After(activity.Id, command, events), events);
    }

    /// <summary>
    /// Erases a speaker's personal data on request (GDPR Art. 17) and destroys their key; the talk or workshop and the speaker's
    /// organisation stay. Answers the activity's new version.
    /// </summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/activities/{activityId}/speakers/{speakerId}/erasure")]
    public static (CommandAccepted, Events) Speaker(
        EraseSpeakerData command, Guid speakerId, [WriteAggregate] Activity activity, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock)
    {
        Events events = [ActivityDecider.EraseSpeaker(activity, speakerId, command.Request, user.Stamp(clock))];
        PersonalDataVault.DestroyKey(session, speakerId);
        return (CommandAccepted.After(activity.Id, command, events), events);
    }
}
