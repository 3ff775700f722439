using System.Globalization;
using Fachwerk.Benchmarks.Postgres;
using Fachwerk.Benchmarks.Reporting;
using Fachwerk.Benchmarks.Workload;

namespace Fachwerk.Benchmarks;

public sealed partial class Harness
{
    /// <summary>(5) As-of and timeline of a 200-event application stream, through the auditors' endpoints over HTTP.</summary>
    private async Task AsOfAndTimelineAsync(
        FachwerkApi api, string auditor, HistoryStore store, PostgresFloors floors, Guid streamId, CancellationToken cancellation)
    {
        Log("as-of and timeline of a 200-event application stream");
        var floor = await floors.QueryLatencyAsync($"select data from {store.EventTable} where stream_id = $1 order by version", _ => streamId,
            settings.QueryIterations, cancellation);
        DateTimeOffset first, last;
        await using (var session = store.Store.QuerySession())
        {
            var all = await session.Events.FetchStreamAsync(streamId, token: cancellation);
            if (all.Count != LegacyHistory.LongStreamEvents) throw new InvalidOperationException($"The long stream has {all.Count} events.");
            (first, last) = (all[0].Timestamp, all[^1].Timestamp);
        }

        var random = new Random(8);
        var state = $"/api/audit/streams/{streamId}/state";
        var byVersion = await MeasureGetAsync(api, auditor, () => $"{state}?version={random.Next(1, LegacyHistory.LongStreamEvents + 1)}", cancellation);
        var byMoment = await MeasureGetAsync(api, auditor,
            () => $"{state}?at={Uri.EscapeDataString((first + (last - first) * random.NextDouble()).ToString("O", CultureInfo.InvariantCulture))}", cancellation);
        var timeline = await MeasureGetAsync(api, auditor, () => $"/api/audit/streams/{streamId}/timeline", cancellation);

        const string how = "GET /api/audit/streams/{id}/state over HTTP with an auditor's token: the write model and the detail read model folded from the events up to then";
        const string floorText = "p99 of reading the stream's 200 event rows with plain SQL";
        AddFigure(new Figure("5a", "as-of query p99 at a version, 200-event stream", byVersion.P99, "ms", floor.P99, floorText, Target.AtMost(10))
        {
            Notes = $"p50 {Format.Number(byVersion.P50)} ms; {how}",
        });
        AddFigure(new Figure("5b", "as-of query p99 at a moment, 200-event stream", byMoment.P99, "ms", floor.P99, floorText, Target.AtMost(10))
        {
            Notes = $"p50 {Format.Number(byMoment.P50)} ms; {how}",
        });
        AddFigure(new Figure("5c", "timeline p99 (all 200 events with labels, who and when)", timeline.P99, "ms", floor.P99, floorText, null)
        {
            Notes = $"p50 {Format.Number(timeline.P50)} ms; GET /api/audit/streams/{{id}}/timeline over HTTP; the timeline has no target",
        });
    }
}
