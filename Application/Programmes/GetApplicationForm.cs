using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using Marten;
using Wolverine.Http;

namespace Fachwerk.Application.Programmes;

public static class GetApplicationFormEndpoint
{
    /// <summary>
    /// Reads a programme's application form (ADR 0122): its current version, or the version named (the one an application keeps).
    /// 404 when the programme has no form, or not that version.
    /// </summary>
    /// <param name="id">The programme.</param>
    /// <param name="version">The form version; the current one when not given.</param>
    [WolverineGet("/api/programmes/{id}/application-form")]
    public static async Task<ApplicationForm> Get(Guid id, int? version, IDocumentSession session, CancellationToken cancellation)
    {
        var programme = await session.Events.FetchLatest<FundingProgramme>(id, cancellation)
                        ?? throw new UnknownEntity(Problems.NotFoundCode, $"There is no funding programme with id {id}.");
        return (version is { } number ? programme.Form(number) : programme.CurrentForm)
               ?? throw new UnknownEntity(Problems.NotFoundCode, version is null
                   ? $"{programme.Name} has no application form."
                   : $"{programme.Name} has no application form version {version}.");
    }
}
