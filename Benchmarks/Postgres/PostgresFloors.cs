using System.Diagnostics;
using Fachwerk.Benchmarks.Measuring;
using Fachwerk.Host.Database;
using Npgsql;
using NpgsqlTypes;

namespace Fachwerk.Benchmarks.Postgres;

/// <summary>
/// What PostgreSQL itself does on this machine, measured with plain Npgsql on the same database just before the figure it
/// stands beside. The rows are shaped like ours (a JSON payload the size of an event), so the floor pays the same bytes.
/// </summary>
public sealed class PostgresFloors(string connectionString)
{
    private const string Schema = "bench_floor";

    /// <summary>A JSON document the size of a typical event of ours (about 600 bytes serialized).</summary>
    public static string EventSizedPayload(int seed) =>
        $$"""{"applicationId":"{{Guid.NewGuid()}}","requestNumber":{{seed % 7}},"documents":["Finanzierungsplan (unterschrieben)","Satzung des Trägers","Kooperationsvereinbarung mit der Kammer"],"dueBy":"2026-03-16T08:00:00+00:00","recordedBy":"sabine.sachbearbeitung","recordedAt":"2026-03-02T08:00:00+00:00","note":"{{new string('x', 240)}}"}""";

    /// <summary>How many commits a floor made in how long.</summary>
    public sealed record CommitCount(int Commits, TimeSpan Elapsed)
    {
        public double PerSecond => Commits / Elapsed.TotalSeconds;
    }

    /// <summary>Single-row INSERTs, each its own transaction (autocommit), from <paramref name="clients"/> connections.</summary>
    public async Task<CommitCount> InsertCommitsAsync(int clients, TimeSpan duration, CancellationToken cancellation)
    {
        await PrepareCommitTableAsync(cancellation);
        var commits = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            await using var connection = await OpenAsync(cancellation);
            await using var insert = InsertCommand(connection);
            while (clock.Elapsed < duration)
            {
                insert.Parameters[0].Value = EventSizedPayload(client);
                await insert.ExecuteNonQueryAsync(cancellation);
                Interlocked.Increment(ref commits);
            }
        }));
        return new CommitCount(commits, clock.Elapsed);
    }

    /// <summary>Latency of single-row INSERT commits sent at a fixed rate (open loop), from a pool of connections.</summary>
    public async Task<LatencySummary> InsertLatencyAtRateAsync(double perSecond, TimeSpan duration, CancellationToken cancellation)
    {
        await PrepareCommitTableAsync(cancellation);
        // The same pool cap as the service's (ADR 0024), so both sides are measured alike: with Npgsql's 100, a slow commit
        // made the floor open dozens of connections at once, whose start-up added seconds to its tail.
        await using var source = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = FachwerkDatabase.DefaultMaxPoolSize }.ConnectionString);
        var outcome = await OpenLoop.RunAsync(perSecond, duration, async i =>
        {
            await using var connection = await source.OpenConnectionAsync(cancellation);
            await using var insert = InsertCommand(connection);
            insert.Parameters[0].Value = EventSizedPayload(i);
            await insert.ExecuteNonQueryAsync(cancellation);
            return true;
        }, cancellation);
        return LatencySummary.Of(outcome.LatenciesMs);
    }

    /// <summary>
    /// Raw binary COPY of <paramref name="rows"/> rows with the columns and payloads of our event rows into a table shaped and
    /// indexed like the event table: rows per second.
    /// </summary>
    public async Task<double> CopyRowsPerSecondAsync(string eventTable, IReadOnlyList<byte[]> payloads, int rows, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        await using var connection = await OpenAsync(cancellation);
        await ExecuteAsync(connection, $"""
            create schema if not exists {Schema};
            drop table if exists {Schema}.copied_events;
            create table {Schema}.copied_events (like {eventTable} including defaults including constraints including indexes);
            """, cancellation);
        var streamId = Guid.NewGuid();
        var clock = Stopwatch.StartNew();
        await using (var writer = await connection.BeginBinaryImportAsync(
                         $"copy {Schema}.copied_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived, " +
                         "correlation_id, causation_id, headers, user_name) from stdin (format binary)", cancellation))
        {
            for (var i = 0; i < rows; i++)
            {
                if (i % 11 == 0) streamId = Guid.NewGuid();
                await writer.StartRowAsync(cancellation);
                await writer.WriteAsync((long)i + 1, NpgsqlDbType.Bigint, cancellation);
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, cancellation);
                await writer.WriteAsync(streamId, NpgsqlDbType.Uuid, cancellation);
                await writer.WriteAsync((long)(i % 11) + 1, NpgsqlDbType.Bigint, cancellation);
                await writer.WriteAsync(payloads[i % payloads.Count], NpgsqlDbType.Jsonb, cancellation);
                await writer.WriteAsync("documents_requested", NpgsqlDbType.Varchar, cancellation);
                await writer.WriteAsync(DateTimeOffset.UtcNow, NpgsqlDbType.TimestampTz, cancellation);
                await writer.WriteAsync("*DEFAULT*", NpgsqlDbType.Varchar, cancellation);
                await writer.WriteAsync("Fachwerk.Domain.Applications.DocumentsRequested, Fachwerk.Domain", NpgsqlDbType.Varchar, cancellation);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean, cancellation);
                await writer.WriteAsync("legacy-import", NpgsqlDbType.Varchar, cancellation);
                await writer.WriteAsync("legacy-import", NpgsqlDbType.Varchar, cancellation);
                await writer.WriteNullAsync(cancellation);
                await writer.WriteAsync("sabine.sachbearbeitung", NpgsqlDbType.Varchar, cancellation);
            }

            await writer.CompleteAsync(cancellation);
        }

        var perSecond = rows / clock.Elapsed.TotalSeconds;
        await ExecuteAsync(connection, $"drop table {Schema}.copied_events", cancellation);
        return perSecond;
    }

    /// <summary>Reads every row of the event table in sequence order (type and payload), as any rebuild must: rows per second.</summary>
    public async Task<double> SequentialReadRowsPerSecondAsync(string eventTable, CancellationToken cancellation)
    {
        await using var connection = await OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"select seq_id, type, data from {eventTable} order by seq_id", connection);
        var clock = Stopwatch.StartNew();
        long rows = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                // Materialise the payload as a projection would have to.
                _ = reader.GetString(2);
                rows++;
            }
        }

        return rows / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Round trips of one query (e.g. a document by its id), one after another: p50 and p99 in milliseconds.</summary>
    public async Task<LatencySummary> QueryLatencyAsync(string sql, Func<int, object> parameter, int iterations, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        await using var connection = await OpenAsync(cancellation);
        var latencies = new List<double>(iterations);
        for (var i = -iterations / 10; i < iterations; i++)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = parameter(Math.Abs(i)) });
            var clock = Stopwatch.StartNew();
            await using (var reader = await command.ExecuteReaderAsync(cancellation))
            {
                while (await reader.ReadAsync(cancellation))
                {
                    _ = reader.GetValue(0);
                }
            }

            // The first tenth warms the connection and the plan cache and is not counted.
            if (i >= 0) latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        return LatencySummary.Of(latencies);
    }

    /// <summary>
    /// The smallest asynchronous propagation PostgreSQL allows: rows committed at <paramref name="perSecond"/> and a reader that
    /// polls for new rows every <paramref name="pollInterval"/>; the lag per row from its commit to when the reader saw it, p99.
    /// </summary>
    public async Task<LatencySummary> PropagationLagAsync(double perSecond, TimeSpan duration, TimeSpan pollInterval, CancellationToken cancellation)
    {
        await PrepareCommitTableAsync(cancellation);
        long startId;
        await using (var connection = await OpenAsync(cancellation))
        await using (var max = new NpgsqlCommand($"select coalesce(max(id), 0) from {Schema}.commit_rows", connection))
        {
            startId = (long)(await max.ExecuteScalarAsync(cancellation))!;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var reader = Task.Run(async () =>
        {
            var lags = new List<double>();
            await using var connection = await OpenAsync(cancellation);
            var last = startId;
            while (true)
            {
                await using var poll = new NpgsqlCommand(
                    $"select id, extract(epoch from clock_timestamp() - committed_at) * 1000 from {Schema}.commit_rows where id > @last order by id", connection);
                poll.Parameters.AddWithValue("last", last);
                await using (var rows = await poll.ExecuteReaderAsync(cancellation))
                {
                    while (await rows.ReadAsync(cancellation))
                    {
                        last = rows.GetInt64(0);
                        lags.Add(Convert.ToDouble(rows.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
                    }
                }

                if (stop.IsCancellationRequested) return lags;
                try
                {
                    await Task.Delay(pollInterval, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    // One more poll collects the last rows.
                }
            }
        }, cancellation);

        await InsertLatencyAtRateAsync(perSecond, duration, cancellation);
        await stop.CancelAsync();
        return LatencySummary.Of(await reader);
    }

    private async Task PrepareCommitTableAsync(CancellationToken cancellation)
    {
        await using var connection = await OpenAsync(cancellation);
        await ExecuteAsync(connection, $"""
            create schema if not exists {Schema};
            create table if not exists {Schema}.commit_rows (
                id bigserial primary key,
                payload jsonb not null,
                committed_at timestamptz not null default clock_timestamp());
            """, cancellation);
    }

    private static NpgsqlCommand InsertCommand(NpgsqlConnection connection)
    {
        var insert = new NpgsqlCommand($"insert into {Schema}.commit_rows (payload) values (@payload)", connection);
        insert.Parameters.Add(new NpgsqlParameter("payload", NpgsqlDbType.Jsonb));
        return insert;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellation)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        return connection;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
