using Fachwerk.Benchmarks.Postgres;
using Fachwerk.Benchmarks.Reporting;
using Fachwerk.Benchmarks.Workload;

namespace Fachwerk.Benchmarks;

public sealed partial class Harness
{
    /// <summary>(2) The legacy history imported through Marten's bulk path, beside a raw binary COPY of rows like its events.</summary>
    private async Task ImportAsync(HistoryStore store, PostgresFloors floors, LegacyHistory history, long events, CancellationToken cancellation)
    {
        Log("floor: raw binary COPY of rows shaped and sized like ours");
        var sample = store.SerializedSample(history.Applications, 20_000);
        var copyFloor = await floors.CopyRowsPerSecondAsync(store.EventTable, sample, (int)events, cancellation);
        Log("bulk import through Marten");
        var (import, analysis) = await store.ImportAsync(history.Registry.Concat(history.Applications), eventsPerBatch: 100_000, cancellation);
        var imported = import + analysis;
        AddFigure(new Figure("2", "bulk import of a legacy history (Marten BulkInsertEventsAsync)", events / imported.TotalSeconds, "events/s", copyFloor,
            "raw binary COPY of as many rows of the same columns and payload sizes into a table indexed like mt_events", Target.RatioAtLeast(0.7))
        {
            FloorUnit = "rows/s",
            Notes = $"{events} events of {history.Applications.Count} applications, {history.AllianceIds.Count} alliances, {history.ProgrammeIds.Count} programmes " +
                    $"imported in {Format.Number(imported.TotalSeconds)} s (serialization, stream rows and sequence numbers included, and " +
                    $"{Format.Number(analysis.TotalSeconds)} s of analysing the event tables afterwards, as the import procedure says; generating the history not)",
        });
    }
}
