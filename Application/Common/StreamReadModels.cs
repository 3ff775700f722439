using Marten;
using Marten.Internal;
using Marten.Services.BatchQuerying;

namespace Fachwerk.Application.Common;

/// <summary>
/// The inline read models a stream's commands update (an application's details and summary, say), each keyed by the stream's
/// id and carrying the version of the last event it took. A command endpoint that writes such a stream loads them with its
/// caller's bindings in one round trip when its transaction begins, into its session's identity map for their types only; the
/// inline projections then take them from there instead of each reading its own (ADR 0135).
/// </summary>
public sealed class StreamReadModels
{
    private readonly IReadOnlyList<ReadModel> _readModels;

    private StreamReadModels(Type stream, IReadOnlyList<ReadModel> readModels)
    {
        Stream = stream;
        _readModels = readModels;
    }

    /// <summary>The write model whose stream the read models follow.</summary>
    public Type Stream { get; }

    /// <summary>Read models of <typeparamref name="TStream"/>'s stream, built up with <see cref="And{TDocument}"/>.</summary>
    public static StreamReadModels Of<TStream>() => new(typeof(TStream), []);

    /// <summary>These read models and <typeparamref name="TDocument"/>, whose <paramref name="version"/> is its stream's version when it is current.</summary>
    public StreamReadModels And<TDocument>(Func<TDocument, long> version) where TDocument : class =>
        new(Stream,
        [
            .. _readModels,
            new ReadModel(
                (session, batch, id) =>
                {
                    // Only this type's documents go through the session's identity map, so the projection finds the one loaded.
                    session.UseIdentityMapFor<TDocument>();
                    return batch.Load<TDocument>(id);
                },
                loaded => ((Task<TDocument?>)loaded).Result,
                document => version((TDocument)document),
                // A lightweight session's Eject leaves the identity map as it is (Marten's LightweightSession): the entry is
                // taken out of the map itself, so the projection reads the document again.
                (session, id) =>
                {
                    if (((IMartenSession)session).ItemMap.TryGetValue(typeof(TDocument), out var map) && map is IDictionary<Guid, TDocument> byId)
                        byId.Remove(id);
                }),
        ]);

    /// <summary>Queues the loads of the stream's read models in <paramref name="batch"/>; what they load once it ran.</summary>
    public PreloadedReadModels QueueIn(IDocumentSession session, IBatchedQuery batch, Guid streamId)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(batch);
        return new PreloadedReadModels(Stream, streamId, [.. _readModels.Select(r => (r, r.Queue(session, batch, streamId)))]);
    }

    /// <summary>The read models of <paramref name="stream"/>'s stream, as the modules declare them; none if it has none.</summary>
    public static StreamReadModels? For(Type stream) =>
        FachwerkModule.All.SelectMany(m => m.ReadModelsByStream).FirstOrDefault(r => r.Stream == stream);

    /// <summary>A read model: how to load it in a batch, its version, and how to drop it from the session's identity map.</summary>
    internal sealed record ReadModel(
        Func<IDocumentSession, IBatchedQuery, Guid, Task> Queue,
        Func<Task, object?> Loaded,
        Func<object, long> VersionOf,
        Action<IDocumentSession, Guid> Eject);
}
