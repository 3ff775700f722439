using JasperFx.Events;
using Marten;
using Marten.Services.BatchQuerying;

namespace Fachwerk.Application.Letters;

/// <summary>
/// What a letter is written from: the application's events and, when its message names them, the applicant's stream and the
/// programme's launch. A Marten query plan, so that Wolverine sends it in the batch that reads the application's stream for the
/// letter's handler: all of a letter's reads in one round trip instead of three (issue 25, ADR 0137).
/// </summary>
public sealed class LetterReads(Guid applicationId, Guid? applicantId, Guid? programmeId) : IBatchQueryPlan<LetterSources>, IQueryPlan<LetterSources>
{
    public Task<LetterSources> Fetch(IBatchedQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var application = query.Events.FetchStream(applicationId);
        // Only when both are named: a message sent before they were (ADR 0137) reads the parties after the application's events.
        return applicantId is { } applicant && programmeId is { } programme
            ? WithPartiesAsync(application, applicant, query.Events.FetchStream(applicant), programme, query.Events.FetchStream(programme, version: 1))
            : AloneAsync(application);
    }

    /// <summary>The reads in a batch of their own (a letter rendered again, or a handler whose stream Wolverine reads alone).</summary>
    public async Task<LetterSources> Fetch(IQuerySession session, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(session);
        var batch = session.CreateBatchQuery();
        var sources = Fetch(batch);
        await batch.Execute(token).ConfigureAwait(false);
        return await sources.ConfigureAwait(false);
    }

    private static async Task<LetterSources> AloneAsync(Task<IReadOnlyList<IEvent>> application) =>
        new(await application.ConfigureAwait(false), null);

    private static async Task<LetterSources> WithPartiesAsync(Task<IReadOnlyList<IEvent>> application, Guid applicantId,
        Task<IReadOnlyList<IEvent>> applicant, Guid programmeId, Task<IReadOnlyList<IEvent>> launch) =>
        new(await application.ConfigureAwait(false), new LetterSources.PreloadedParties(applicantId, await applicant.ConfigureAwait(false),
            programmeId, await launch.ConfigureAwait(false)));
}
