using Fachwerk.Application.Privacy;
using Fachwerk.Application.Network.People;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Network.Cohorts;

/// <summary>The read that opens a cohort's participants' personal data, for the roles that need them.</summary>
public static class GetCohortParticipantsEndpoint
{
    /// <summary>Lists the cohort's participants with their personal data (unless erased).</summary>
    [Authorize(Roles = NetworkRoles.CohortPersonalDataReaders)]
    [WolverineGet("/api/cohorts/{cohortId}/participants")]
    public static Task<IReadOnlyList<NetworkPersonView>> Get(
        [Document("cohortId")] CohortDetails cohort, IQuerySession session, PersonalDataVault vault, CancellationToken cancellation) =>
        NetworkPeople.ListAsync(vault, session, cohort.Id, NetworkPersonRole.CohortParticipant, cancellation);
}
