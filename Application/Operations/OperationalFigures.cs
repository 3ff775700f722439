using System.Diagnostics.Metrics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Wolverine.Runtime;

namespace Fachwerk.Application.Operations;

/// <summary>
/// The figures behind <see cref="FachwerkMetrics"/>' gauges, read from the database when a collector asks (a Prometheus scrape,
/// an OTLP export): nothing runs between collections. Each is one small query on an indexed table or the daemon's progress
/// table. A metric callback is synchronous, so the queries are too. A database that cannot answer gives no value for the gauge
/// (the readiness check reports the outage) instead of failing the whole scrape.
/// </summary>
public sealed class OperationalFigures(IServiceProvider services, ILogger<OperationalFigures> logger)
{
    /// <summary>A figure that takes longer than this is not worth a stalled scrape.</summary>
    private const int TimeoutSeconds = 5;

    private IDocumentStore Store => services.GetRequiredService<IDocumentStore>();

    public IEnumerable<Measurement<long>> ApplicationsByStatus() =>
        Read($"select status, count(*) from {Store.Options.DatabaseSchemaName}.mt_doc_applicationsummary group by status",
            r => new Measurement<long>(r.GetInt64(1), new KeyValuePair<string, object?>("status", r.GetString(0))));

    public IEnumerable<Measurement<double>> CommittedByProgramme() =>
        Read($"select data ->> 'name', coalesce((data ->> 'committed')::numeric, 0)::float8 from {Store.Options.DatabaseSchemaName}.mt_doc_programmebudget",
            r => new Measurement<double>(r.GetDouble(1), new KeyValuePair<string, object?>("programme", r.GetString(0))));

    /// <summary>The highest event sequence number stored minus each projection's and subscription's progress (the daemon's own HighWater rows are no projections).</summary>
    public IEnumerable<Measurement<long>> ProjectionLag()
    {
        var schema = Store.Options.Events.DatabaseSchemaName;
        return Read($"select p.name, greatest(h.seq - p.last_seq_id, 0) from {schema}.mt_event_progression p, " +
                    $"(select coalesce(max(seq_id), 0) as seq from {schema}.mt_events) h where p.name not like 'HighWater%'",
            r => new Measurement<long>(r.GetInt64(1), new KeyValuePair<string, object?>("projection", r.GetString(0))));
    }

    public IEnumerable<Measurement<long>> PendingNotifications() =>
        Read($"select count(*) from {Store.Options.DatabaseSchemaName}.mt_doc_notification " +
             "where data ->> 'sentAt' is null and data ->> 'notMailedBecause' is null and lower(data ->> 'delivery') <> 'off'",
            r => new Measurement<long>(r.GetInt64(0)));

    public IEnumerable<Measurement<long>> OutboxMessages() => MessageCount(deadLetters: false);

    public IEnumerable<Measurement<long>> DeadLetters() => MessageCount(deadLetters: true);

    /// <summary>Wolverine's own count of its durable tables (incoming, scheduled, outgoing, dead letters).</summary>
    private IEnumerable<Measurement<long>> MessageCount(bool deadLetters)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(TimeoutSeconds));
            // The callback is synchronous; there is no synchronisation context to deadlock on in a host.
            var counts = services.GetRequiredService<IWolverineRuntime>().Storage.Admin.FetchCountsAsync().WaitAsync(timeout.Token)
                .GetAwaiter().GetResult();
            return [new Measurement<long>(deadLetters ? counts.DeadLetter : counts.Outgoing)];
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            logger.LogDebug(e, "The message store's counts could not be read for the metrics");
            return [];
        }
    }

    private List<Measurement<T>> Read<T>(string sql, Func<NpgsqlDataReader, Measurement<T>> measurement) where T : struct
    {
        try
        {
            using var connection = (NpgsqlConnection)Store.Storage.Database.CreateConnection();
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = TimeoutSeconds };
            using var reader = command.ExecuteReader();
            var measurements = new List<Measurement<T>>();
            while (reader.Read()) measurements.Add(measurement(reader));
            return measurements;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogDebug(e, "A figure for the metrics could not be read");
            return [];
        }
    }
}
