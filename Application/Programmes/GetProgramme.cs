using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Programmes;

public static class GetProgrammeEndpoint
{
    /// <summary>
    /// Reads one funding programme: sources, period, rules, budget, and the money committed and still available.
    /// </summary>
    [WolverineGet("/api/programmes/{id}")]
    public static ProgrammeDetails Get([Document] ProgrammeDetails programme) => programme;
}
