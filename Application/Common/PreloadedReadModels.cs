using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Http;

namespace Fachwerk.Application.Common;

/// <summary>
/// The read models a command loaded with its caller's bindings (ADR 0135), kept on the request until the stream was read.
/// They were read before the stream: a command that committed to the stream in between left them behind it, and an inline
/// projection that built on them would lose that command's change. <c>KeepIfCurrent</c> drops those from the
/// session's identity map once the stream was read, so the projection reads them again, as it did before ADR 0135.
/// </summary>
public sealed class PreloadedReadModels
{
    private const string Key = "fachwerk:preloaded-read-models";
    private readonly IReadOnlyList<(StreamReadModels.ReadModel ReadModel, Task Loaded)> _loads;

    internal PreloadedReadModels(Type stream, Guid streamId, IReadOnlyList<(StreamReadModels.ReadModel, Task)> loads)
    {
        Stream = stream;
        StreamId = streamId;
        _loads = loads;
    }

    /// <summary>The write model whose stream the read models follow.</summary>
    public Type Stream { get; }

    /// <summary>The stream whose read models were loaded.</summary>
    public Guid StreamId { get; }

    /// <summary>Keeps <paramref name="preloaded"/> on the request for <c>KeepIfCurrent</c>.</summary>
    public static void Remember(HttpContext http, PreloadedReadModels preloaded)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[Key] = preloaded;
    }

    /// <summary>
    /// Drops every preloaded read model that is not at the version of <paramref name="stream"/> as the command read it (or not
    /// of that stream) from the session's identity map, so the inline projection reads it again.
    /// </summary>
    public static void KeepIfCurrent<TAggregate>(IDocumentSession session, IEventStream<TAggregate> stream, HttpContext http) where TAggregate : class
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Items.TryGetValue(Key, out var item) || item is not PreloadedReadModels preloaded) return;
        http.Items.Remove(Key);
        preloaded.KeepIfAt(session, stream.Id, stream.CurrentVersion ?? 0);
    }

    /// <summary>
    /// The same for a message handler (<see cref="StepReads{TMessage}"/>): the read models it loaded for <paramref name="stream"/>
    /// stay in the identity map only if they are at the stream's version as the handler read it.
    /// </summary>
    public static void KeepIfCurrent<TAggregate>(IDocumentSession session, IEventStream<TAggregate> stream, PreloadedStreams preloaded) where TAggregate : class
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(preloaded);
        foreach (var readModels in preloaded.Streams.Where(p => p.StreamId == stream.Id && p.Stream == typeof(TAggregate)))
            readModels.KeepIfAt(session, stream.Id, stream.CurrentVersion ?? 0);
    }

    private void KeepIfAt(IDocumentSession session, Guid streamId, long version)
    {
        foreach (var (readModel, loaded) in _loads)
        {
            // The batch ran before the stream was read; a load it did not complete left nothing in the identity map.
            if (!loaded.IsCompletedSuccessfully || readModel.Loaded(loaded) is not { } document) continue;
            if (streamId != StreamId || readModel.VersionOf(document) != version) readModel.Eject(session, StreamId);
        }
    }
}
