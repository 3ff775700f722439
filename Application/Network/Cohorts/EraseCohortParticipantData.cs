using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.People;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Network.Cohorts;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Cohorts;

public static class EraseCohortParticipantDataEndpoint
{
    /// <summary>
    /// Erases a participant's personal data on request (GDPR Art. 17) and destroys their key; their organisation, attendance and
    /// the concepts they worked on stay. Answers the cohort's new version.
    /// </summary>
    [Authorize(Roles = NetworkRoles.Keepers)]
    [WolverinePost("/api/cohorts/{cohortId}/participants/{participantId}/erasure")]
    public static (CommandAccepted, Events) Post(
        EraseCohortParticipantData command, Guid participantId, [WriteAggregate] Cohort cohort, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [CohortDecider.EraseParticipant(cohort, participantId, command.Request, user.Stamp(clock))];
        PersonalDataVault.DestroyKey(session, participantId);
        return (CommandAccepted.After(cohort.Id, command, events), events);
    }
}
