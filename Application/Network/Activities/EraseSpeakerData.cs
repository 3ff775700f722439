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

public static class EraseSpeakerDataEndpoint
{
    public static void Before(Activity activity, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(activity.AllianceId);

    /// <summary>
    /// Erases a speaker's personal data on request (GDPR Art. 17) and destroys their key; the talk or workshop and the speaker's
    /// organisation stay. Answers the activity's new version.
    /// </summary>
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/activities/{activityId}/speakers/{speakerId}/erasure")]
    public static (CommandAccepted, Events) Post(
        EraseSpeakerData command, Guid speakerId, [WriteAggregate] Activity activity, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ActivityDecider.EraseSpeaker(activity, speakerId, command.Request, user.Stamp(clock))];
        PersonalDataVault.DestroyKey(session, speakerId);
        return (CommandAccepted.After(activity.Id, command, events), events);
    }
}
