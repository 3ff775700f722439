using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using Marten;
using Marten.Services.BatchQuerying;

namespace Fachwerk.Application.Applications;

/// <summary>
/// The alliance of an application (and its programme, if asked), queued when this node knows which they are
/// (<see cref="ApplicationParties"/>). A Marten query plan, so that Wolverine sends it in the batch that reads the application's
/// stream: a submission or an alliance vote reads what it decides from in one round trip instead of two (issue 25, ADR 0137).
/// </summary>
public sealed class ApplicationPartiesReads(Guid applicationId, ApplicationParties parties, bool withProgramme)
    : IBatchQueryPlan<ApplicationPartiesReads.Read>, IQueryPlan<ApplicationPartiesReads.Read>
{
    public Task<Read> Fetch(IBatchedQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (parties.Of(applicationId) is not { } known) return Task.FromResult(new Read(withProgramme, null, null, null));
        var (programme, alliance) = Queue(query, withProgramme, known.ProgrammeId, known.AllianceId);
        return ReadAsync(known, programme, alliance);
    }

    /// <summary>Nothing on its own: without the application's stream in the batch, <see cref="Read.ForAsync"/> reads after it.</summary>
    public Task<Read> Fetch(IQuerySession session, CancellationToken token) => Task.FromResult(new Read(withProgramme, null, null, null));

    private async Task<Read> ReadAsync(ApplicationParties.Known known, Task<FundingProgramme?>? programme, Task<Alliance?> alliance) =>
        new(withProgramme, known, programme is null ? null : await programme.ConfigureAwait(false), await alliance.ConfigureAwait(false));

    /// <summary>The programme (if asked) and the alliance, queued in <paramref name="query"/>.</summary>
    private static (Task<FundingProgramme?>? Programme, Task<Alliance?> Alliance) Queue(IBatchedQuery query, bool withProgramme, Guid programme, Guid alliance) =>
        (withProgramme ? query.Events.FetchLatest<FundingProgramme>(programme) : null, query.Events.FetchLatest<Alliance>(alliance));

    /// <summary>What was read with the stream, for the parties this node remembered.</summary>
    public sealed record Read(bool WithProgramme, ApplicationParties.Known? Of, FundingProgramme? Programme, Alliance? Alliance)
    {
        /// <summary>
        /// The application's programme (if asked) and alliance as they stand: those read with its stream if they are its own,
        /// otherwise read now, in one batch. Remembers the application's parties either way.
        /// </summary>
        public async Task<(FundingProgramme? Programme, Alliance? Alliance)> ForAsync(
            FundingApplication application, ApplicationParties parties, IQuerySession session, CancellationToken cancellation)
        {
            ArgumentNullException.ThrowIfNull(application);
            ArgumentNullException.ThrowIfNull(parties);
            ArgumentNullException.ThrowIfNull(session);
            if (Of is { } known && known.AllianceId == application.AllianceId && (!WithProgramme || known.ProgrammeId == application.ProgrammeId))
                return (Programme, Alliance);
            parties.Remember(application);
            var batch = session.CreateBatchQuery();
            var (programme, alliance) = Queue(batch, WithProgramme, application.ProgrammeId, application.AllianceId);
            await batch.Execute(cancellation).ConfigureAwait(false);
            return (programme is null ? null : await programme.ConfigureAwait(false), await alliance.ConfigureAwait(false));
        }
    }
}
