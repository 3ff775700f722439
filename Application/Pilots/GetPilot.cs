using Fachwerk.Application.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Pilots;

public static class GetPilotEndpoints
{
    /// <summary>
    /// Reads one pilot project: phase, funding, partners, services and companies, with counts of its participants (no personal
    /// data).
    /// </summary>
    [WolverineGet("/api/pilots/{id}")]
    public static PilotDetails Get([Document] PilotDetails pilot) => pilot;

    /// <summary>Reads one company enrolled in a pilot project, with its referrals, placements and trainings.</summary>
    [WolverineGet("/api/pilots/{pilotId}/companies/{companyId}")]
    [ProducesResponseType<PilotCompanyRecord>(StatusCodes.Status200OK)]
    public static IResult GetCompany([Document("pilotId")] PilotDetails pilot, Guid companyId) =>
        pilot.Companies.FirstOrDefault(c => c.Id == companyId) is { } company
            ? Results.Ok(company)
            : Results.Problem(Problems.NotFound($"Company {companyId} is not enrolled in '{pilot.Name}'."));
}
