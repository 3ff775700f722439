using Fachwerk.Application.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Pilots;

public static class GetPilotEndpoints
{
    [WolverineGet("/api/pilots/{id}")]
    public static PilotDetails Get([Document] PilotDetails pilot) => pilot;

    [WolverineGet("/api/pilots/{pilotId}/companies/{companyId}")]
    [ProducesResponseType<PilotCompanyRecord>(StatusCodes.Status200OK)]
    public static IResult GetCompany([Document("pilotId")] PilotDetails pilot, Guid companyId) =>
        pilot.Companies.FirstOrDefault(c => c.Id == companyId) is { } company
            ? Results.Ok(company)
            : Results.Problem(Problems.NotFound($"Company {companyId} is not enrolled in '{pilot.Name}'."));
}
