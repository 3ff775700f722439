using Fachwerk.Application.People;
using Fachwerk.Domain.People;
using Marten;
using Marten.Services.BatchQuerying;
using Microsoft.AspNetCore.Http;

namespace Fachwerk.Application.Common;

/// <summary>
/// What a command endpoint reads when its transaction begins, before anything decides: its caller's person (ADR 0134) and the
/// inline read models of the stream it writes (ADR 0135). A Marten query plan, so that Wolverine sends it in the batch in which
/// it reads the endpoint's stream: the caller, the read models and the stream in one round trip (issue 25, ADR 0136). Read with
/// the command's own session, in its transaction, whichever session Wolverine hands a plan that runs on its own.
/// </summary>
public sealed class CommandReads(IDocumentSession session, HttpContext http) : IBatchQueryPlan<CommandCaller>, IQueryPlan<CommandCaller>
{
    private bool _queued;

    /// <summary>Queues the reads in <paramref name="query"/>; the caller is known once the batch has run.</summary>
    public Task<CommandCaller> Fetch(IBatchedQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var person = RecordedBindings.QueuePersonIn(query, http);
        var readModels = http.GetEndpoint()?.Metadata.GetMetadata<StreamReadModelsOfEndpoint>()?.QueueIn(session, query, http) == true;
        _queued = person is not null || readModels;
        return CallerAsync(person);
    }

    /// <summary>The reads in a batch of their own, for an endpoint whose stream is not read in one (or that writes none).</summary>
    public async Task<CommandCaller> Fetch(IQuerySession _, CancellationToken token)
    {
        var batch = session.CreateBatchQuery();
        var caller = Fetch(batch);
        if (_queued) await batch.Execute(token).ConfigureAwait(false);
        return await caller.ConfigureAwait(false);
    }

    private static async Task<CommandCaller> CallerAsync(Task<Person?>? person) =>
        person is null ? CommandCaller.ReadOnTheWayIn : new CommandCaller(true, await person.ConfigureAwait(false));
}
