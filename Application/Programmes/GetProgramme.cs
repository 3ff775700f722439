using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Programmes;

public static class GetProgrammeEndpoint
{
    /// <summary>A funding programme as set up: sources, period, rules, budget, committed and available money.</summary>
    [WolverineGet("/api/programmes/{id}")]
    public static ProgrammeDetails Get([Document] ProgrammeDetails programme) => programme;
}
