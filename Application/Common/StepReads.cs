using System.Collections.Concurrent;
using System.Reflection;
using Marten;
using Marten.Services.BatchQuerying;
using Wolverine.Marten;

namespace Fachwerk.Application.Common;

/// <summary>
/// What a message handler that writes streams (a step of the budget workflow, a letter, a timer) reads before it decides: the
/// inline read models of the streams it writes whose ids its message names (ADR 0135). A Marten query plan, so that Wolverine
/// sends it in the batch that reads those streams, and the inline projections take the documents from the session's identity map
/// instead of each reading its own (issue 25, ADR 0136).
/// </summary>
public sealed class StepReads<TMessage>(IDocumentSession session, TMessage message) : IBatchQueryPlan<PreloadedStreams>, IQueryPlan<PreloadedStreams>
{
    /// <summary>
    /// The message's members that name a stream with read models, from the <c>[WriteAggregate]</c> parameters of its handlers
    /// (found once, by reflection, so that pre-generated handler code needs nothing more than the call).
    /// </summary>
    private static readonly IReadOnlyList<(Func<TMessage, Guid> Id, StreamReadModels ReadModels)> Streams = StepStreams.Of(typeof(TMessage))
        .Select(s => (Id: (Func<TMessage, Guid>)(m => (Guid)s.Member.GetValue(m)!), s.ReadModels)).ToList();

    public Task<PreloadedStreams> Fetch(IBatchedQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Task.FromResult(new PreloadedStreams([.. Streams.Select(s => s.ReadModels.QueueIn(session, query, s.Id(message)))]));
    }

    /// <summary>The reads in a batch of their own, with the handler's session, if Wolverine does not send them with the streams.</summary>
    public async Task<PreloadedStreams> Fetch(IQuerySession _, CancellationToken token)
    {
        if (Streams.Count == 0) return PreloadedStreams.None;
        var batch = session.CreateBatchQuery();
        var preloaded = await Fetch(batch).ConfigureAwait(false);
        await batch.Execute(token).ConfigureAwait(false);
        return preloaded;
    }
}

/// <summary>The streams with read models a message's handlers write, by the message's members that name them.</summary>
public static class StepStreams
{
    // The methods with [WriteAggregate] parameters of each assembly, by the types of their parameters: one scan an assembly.
    private static readonly ConcurrentDictionary<Assembly, ILookup<Type, MethodInfo>> WritersByParameter = new();

    public static IReadOnlyList<(PropertyInfo Member, StreamReadModels ReadModels)> Of(Type message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var writers = WritersByParameter.GetOrAdd(message.Assembly, assembly => assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => p.IsDefined(typeof(WriteAggregateAttribute), inherit: true)))
            .SelectMany(m => m.GetParameters().Select(p => (p.ParameterType, Method: m)))
            .ToLookup(p => p.ParameterType, p => p.Method));
        return [.. writers[message]
            .SelectMany(m => m.GetParameters())
            .Select(p => (Parameter: p, Named: p.GetCustomAttribute<WriteAggregateAttribute>(inherit: true)?.RouteOrParameterName))
            .Where(p => p.Named is not null)
            .Select(p => (Member: message.GetProperty(p.Named!), ReadModels: StreamReadModels.For(CommandTransactionPolicy.AggregateOf(p.Parameter.ParameterType))))
            .Where(s => s.Member?.PropertyType == typeof(Guid) && s.ReadModels is not null)
            .Select(s => (s.Member!, s.ReadModels!))
            .DistinctBy(s => s.Item1.Name)];
    }
}
