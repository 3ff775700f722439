using Fachwerk.Application.Network.Concepts;
using Fachwerk.Domain.Common;
using Marten;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Network.Cohorts;

/// <summary>A cohort with the concepts its participants developed, each with the project and application it led to.</summary>
/// <param name="Cohort">The cohort.</param>
/// <param name="Concepts">Its concepts.</param>
public sealed record CohortView(CohortDetails Cohort, IReadOnlyList<ConceptSummary> Concepts);

/// <summary>One row of the list of cohorts.</summary>
/// <param name="Id">The cohort's id.</param>
/// <param name="Programme">The programme's name.</param>
/// <param name="Run">The run's number.</param>
/// <param name="Period">Its period.</param>
/// <param name="Participants">How many participants it has.</param>
/// <param name="Sessions">How many sessions it held.</param>
/// <param name="Completed">Whether it presented its results.</param>
public sealed record CohortSummary(Guid Id, string Programme, int Run, Period Period, int Participants, int Sessions, bool Completed);

public static class GetCohortEndpoints
{
    /// <summary>Reads a cohort: participants (no personal data), sessions with attendance, final presentation, and its concepts with the line to funding.</summary>
    [WolverineGet("/api/cohorts/{id}")]
    public static async Task<CohortView> Get([Document] CohortDetails cohort, IQuerySession session, CancellationToken cancellation)
    {
        var concepts = await session.Query<ConceptDetails>().Where(c => c.CohortId == cohort.Id).OrderBy(c => c.Title).ToListAsync(cancellation);
        return new CohortView(cohort, [.. concepts.Select(ConceptSummary.Of)]);
    }

    /// <summary>Lists the cohorts of the programmes of people, newest first.</summary>
    [WolverineGet("/api/cohorts")]
    public static async Task<IReadOnlyList<CohortSummary>> List(IQuerySession session, CancellationToken cancellation) =>
        [.. (await session.Query<CohortDetails>().OrderByDescending(c => c.Period.From).ToListAsync(cancellation))
            .Select(c => new CohortSummary(c.Id, c.Programme, c.Run, c.Period, c.Participants.Count, c.Sessions.Count, c.FinalPresentation is not null))];
}
