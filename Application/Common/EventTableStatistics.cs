using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fachwerk.Application.Common;

/// <summary>
/// PostgreSQL's planner statistics of the event tables. A rebuild reads every event in pages ("the next 2,000 events after
/// sequence N", joined to their streams); planned on statistics from before a bulk load, PostgreSQL expects a few rows in
/// the range and sorts the whole rest of the table for every page, which made a rebuild of a freshly imported million
/// events take minutes instead of seconds (docs/benchmarks.md). Autovacuum catches up eventually, but a rebuild right
/// after an import starts before it does.
/// </summary>
public static class EventTableStatistics
{
    /// <summary>
    /// Analyses <c>mt_events</c> and <c>mt_streams</c> when the planner's row count of <c>mt_events</c> lags the events stored
    /// by more than a fifth (or the table was never analysed); answers whether it did. Cheap when the statistics are
    /// current (one catalog read and one index lookup); ANALYZE itself reads a sample of 30,000 rows.
    /// </summary>
    public static async Task<bool> RefreshIfStaleAsync(IDocumentStore store, ILogger logger, CancellationToken cancellation)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);

        await using var stale = new NpgsqlCommand(
            $"select c.reltuples, (select coalesce(max(seq_id), 0) from {schema}.mt_events) from pg_class c where c.oid = '{schema}.mt_events'::regclass",
            connection);
        await using (var reader = await stale.ExecuteReaderAsync(cancellation))
        {
            await reader.ReadAsync(cancellation);
            // reltuples is -1 until the table is first analysed; sequence numbers count the events (gaps are rare).
            var planned = reader.GetFloat(0);
            var stored = reader.GetInt64(1);
            if (stored == 0 || planned >= 0.8 * stored) return false;
            logger.LogInformation("Analysing the event tables first: the planner counts {Planned} events, the store holds about {Stored}", planned, stored);
        }

        await using var analyse = new NpgsqlCommand($"analyze {schema}.mt_events, {schema}.mt_streams", connection) { CommandTimeout = 600 };
        await analyse.ExecuteNonQueryAsync(cancellation);
        return true;
    }
}
