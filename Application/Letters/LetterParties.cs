using Fachwerk.Domain.Organisations;
using JasperFx.Events;
using Marten;

namespace Fachwerk.Application.Letters;

/// <summary>The applicant organisation as its stream stood at a letter's moment, and the programme's name (<see cref="ProgrammeName"/>).</summary>
public sealed record LetterParties(Organisation? Applicant, string Programme)
{
    /// <summary>Both read in one round trip (issue 25).</summary>
    public static async Task<LetterParties> LoadAsync(
        IQuerySession session, Guid applicantId, DateTimeOffset at, Guid programmeId, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        var batch = session.CreateBatchQuery();
        var applicant = batch.Events.FetchStream(applicantId, timestamp: at);
        var launch = batch.Events.FetchStream(programmeId, version: 1);
        await batch.Execute(cancellation);
        return From(await applicant, await launch);
    }

    /// <summary>From the applicant's events up to the letter's moment and the programme's first event.</summary>
    public static LetterParties From(IEnumerable<IEvent> applicant, IReadOnlyList<IEvent> launch) =>
        // Folded as Marten folds the organisation's write model (WriteModelProjection): only the events of its own namespace,
        // with the domain's Evolve.
        new(applicant.Where(e => e.Data.GetType().Namespace == typeof(Organisation).Namespace)
                .Aggregate((Organisation?)null, (state, e) => Organisation.Evolve(state, e.Data)),
            ProgrammeName.AsLaunched(launch));
}
