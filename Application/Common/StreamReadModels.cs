using Marten;
using Marten.Services.BatchQuerying;

namespace Fachwerk.Application.Common;

/// <summary>
/// The inline read models a stream's commands update (an application's details and summary, say). A command endpoint that
/// writes such a stream loads them with its caller's bindings in one round trip when its transaction begins; the command's
/// identity-map session then hands them to the inline projections instead of each projection reading its own (ADR 0135).
/// </summary>
public sealed class StreamReadModels
{
    private readonly IReadOnlyList<Func<IBatchedQuery, Guid, Task>> _loads;

    private StreamReadModels(Type stream, IReadOnlyList<Type> documents, IReadOnlyList<Func<IBatchedQuery, Guid, Task>> loads)
    {
        Stream = stream;
        Documents = documents;
        _loads = loads;
    }

    /// <summary>The write model whose stream the read models follow.</summary>
    public Type Stream { get; }

    /// <summary>The read models' document types, each keyed by the stream's id.</summary>
    public IReadOnlyList<Type> Documents { get; }

    /// <summary>Read models of <typeparamref name="TStream"/>'s stream, built up with <see cref="And{TDocument}"/>.</summary>
    public static StreamReadModels Of<TStream>() => new(typeof(TStream), [], []);

    /// <summary>These read models and <typeparamref name="TDocument"/>.</summary>
    public StreamReadModels And<TDocument>() where TDocument : class =>
        new(Stream, [.. Documents, typeof(TDocument)], [.. _loads, (batch, id) => batch.Load<TDocument>(id)]);

    /// <summary>Queues the loads of the stream's read models in <paramref name="batch"/>.</summary>
    public void QueueIn(IBatchedQuery batch, Guid streamId)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var load in _loads) _ = load(batch, streamId);
    }

    /// <summary>The read models of <paramref name="stream"/>'s stream, as the modules declare them; none if it has none.</summary>
    public static StreamReadModels? For(Type stream) =>
        FachwerkModule.All.SelectMany(m => m.ReadModelsByStream).FirstOrDefault(r => r.Stream == stream);
}
