using System.Diagnostics;
using Fachwerk.Application;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fachwerk.Benchmarks.Workload;

/// <summary>
/// The event store as the service configures it (<see cref="FachwerkApplication.ConfigureStore"/>), opened by the harness
/// for what has no HTTP endpoint: importing a legacy history through Marten's bulk path and rebuilding projections with the
/// projection daemon.
/// </summary>
public sealed class HistoryStore : IAsyncDisposable
{
    private HistoryStore(DocumentStore store) => Store = store;

    public DocumentStore Store { get; }

    public string EventTable => $"{FachwerkApplication.SchemaName}.mt_events";

    public static async Task<HistoryStore> OpenAsync(string connectionString, CancellationToken cancellation)
    {
        var store = DocumentStore.For(opts =>
        {
            opts.Connection(connectionString);
            FachwerkApplication.ConfigureStore(opts);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return new HistoryStore(store);
    }

    /// <summary>The serialized payloads of some events, to give the COPY floor rows of the same size.</summary>
    public IReadOnlyList<byte[]> SerializedSample(IEnumerable<HistoryStream> streams, int count)
    {
        var serializer = Store.Options.Serializer();
        return [.. streams.SelectMany(s => s.Events).Take(count).Select(e => System.Text.Encoding.UTF8.GetBytes(serializer.ToJson(e)))];
    }

    /// <summary>
    /// Imports the streams with Marten's bulk path (binary COPY into mt_streams and mt_events), in batches of about
    /// <paramref name="eventsPerBatch"/> events; the imported events keep their historical time and recording user.
    /// Then, as the import procedure says (docs/running.md), the event tables are analysed so the rebuilds are planned on
    /// statistics of what was loaded. Answers the time spent in Marten and in the analysis (building the batches is not
    /// counted: that is the legacy system's reading).
    /// </summary>
    public async Task<(TimeSpan Import, TimeSpan Analysis)> ImportAsync(IEnumerable<HistoryStream> streams, int eventsPerBatch, CancellationToken cancellation)
    {
        var spent = TimeSpan.Zero;
        var batch = new List<StreamAction>();
        var events = 0;
        foreach (var stream in streams)
        {
            var action = StreamAction.Start(Store.Events, stream.Id, [.. stream.Events]);
            action.AggregateType = stream.Aggregate;
            foreach (var e in action.Events)
            {
                var fact = (IRecordedFact)e.Data;
                e.Timestamp = fact.RecordedAt;
                e.UserName = fact.RecordedBy;
                e.SetHeader("command", "legacy-import");
            }

            batch.Add(action);
            events += stream.Events.Count;
            if (events < eventsPerBatch) continue;
            spent += await InsertAsync(batch, cancellation);
            batch = [];
            events = 0;
        }

        if (batch.Count > 0) spent += await InsertAsync(batch, cancellation);
        var analysis = Stopwatch.StartNew();
        await EventTableStatistics.RefreshIfStaleAsync(Store, NullLogger.Instance, cancellation);
        return (spent, analysis.Elapsed);
    }

    private async Task<TimeSpan> InsertAsync(List<StreamAction> batch, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        await Store.BulkInsertEventsAsync(batch, batchSize: 10_000, cancellation);
        return clock.Elapsed;
    }

    /// <summary>Rebuilds one projection from every event with the projection daemon; answers the time it took.</summary>
    public async Task<TimeSpan> RebuildAsync<TView>(CancellationToken cancellation)
    {
        using var daemon = await Store.BuildProjectionDaemonAsync(logger: NullLogger.Instance);
        var clock = Stopwatch.StartNew();
        await daemon.RebuildProjectionAsync<TView>(TimeSpan.FromMinutes(30), cancellation);
        return clock.Elapsed;
    }

    /// <summary>Rebuilds the inbox tasks from the application summaries (a rebuild raises no side effects).</summary>
    public async Task<TimeSpan> RebuildInboxAsync(CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        await InboxTasks.RebuildAsync(Store, cancellation);
        return clock.Elapsed;
    }

    public async Task<long> CountAsync<T>(CancellationToken cancellation) where T : notnull
    {
        await using var session = Store.QuerySession();
        return await session.Query<T>().LongCountAsync(cancellation);
    }

    public async ValueTask DisposeAsync() => await Store.DisposeAsync();
}

/// <summary>The names the event store gives our event types (the <c>type</c> column of mt_events).</summary>
public static class EventTypeNames
{
    private static readonly Lazy<DocumentStore> Mapping = new(() => DocumentStore.For(opts =>
    {
        opts.Connection("Host=127.0.0.1");
        FachwerkApplication.ConfigureStore(opts);
    }));

    public static IReadOnlyList<string> Of(params Type[] eventTypes) =>
        [.. eventTypes.Select(t => Mapping.Value.Events.EventMappingFor(t).EventTypeName)];
}
