using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Fachwerk.Benchmarks.Measuring;

/// <summary>
/// How far an asynchronous projection lags behind the events it reads. While the load runs, the probe polls the projection's
/// progress (mt_event_progression) with the database's clock; afterwards each event's lag is the time from its commit (its
/// timestamp) until the first poll that saw the projection past it. Both times come from PostgreSQL's clock, and the poll
/// interval (10 ms) only ever adds to the lag, never hides it.
/// </summary>
public sealed class ProjectionLagProbe(string connectionString, string schema, string shardName) : IAsyncDisposable
{
    // Per poll, on PostgreSQL's clock: the projection's progress and the store's last event.
    private readonly List<(DateTimeOffset At, long Sequence, long LastEvent)> _observations = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _polling;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    public async Task<long> StartAsync(CancellationToken cancellation)
    {
        var start = await ScalarAsync<long>($"select coalesce(max(seq_id), 0) from {schema}.mt_events", cancellation);
        _polling = Task.Run(PollAsync, CancellationToken.None);
        return start;
    }

    /// <summary>
    /// Waits until the projection has passed every event after <paramref name="fromSequence"/>, then works out the lags of the
    /// events of <paramref name="eventTypes"/> (all events when null: the projection's progress passes each of them).
    /// </summary>
    public async Task<IReadOnlyList<double>> LagsAsync(long fromSequence, IReadOnlyCollection<string>? eventTypes, TimeSpan settle, CancellationToken cancellation)
    {
        var end = await ScalarAsync<long>($"select coalesce(max(seq_id), 0) from {schema}.mt_events", cancellation);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < settle && LastSeen() < end) await Task.Delay(50, cancellation);
        await _stop.CancelAsync();
        if (_polling is not null) await _polling;

        (DateTimeOffset At, long Sequence, long LastEvent)[] observations;
        lock (_observations) observations = [.. _observations];

        var lags = new List<double>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        var ofTypes = eventTypes is null ? "" : " and type = any(@types)";
        await using var events = new NpgsqlCommand(
            $"select seq_id, timestamp from {schema}.mt_events where seq_id > @from and seq_id <= @end{ofTypes} order by seq_id", connection);
        events.Parameters.AddWithValue("from", fromSequence);
        events.Parameters.AddWithValue("end", end);
        if (eventTypes is not null) events.Parameters.AddWithValue("types", eventTypes.ToArray());
        await using var reader = await events.ExecuteReaderAsync(cancellation);
        var next = 0;
        while (await reader.ReadAsync(cancellation))
        {
            var sequence = reader.GetInt64(0);
            var committed = reader.GetFieldValue<DateTimeOffset>(1);
            while (next < observations.Length && observations[next].Sequence < sequence) next++;
            // Not caught up within the settle time: the lag is at least that long, and counts as such.
            lags.Add(next < observations.Length ? (observations[next].At - committed).TotalMilliseconds : settle.TotalMilliseconds);
        }

        return lags;
    }

    /// <summary>
    /// How many events each asynchronous projection has still to read (the store's last event minus the projection's
    /// progress), as "name n" pairs: a projection still behind when a phase starts competes with that phase's commands.
    /// </summary>
    public static async Task<string> BacklogAsync(string connectionString, string schema, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(
            $"select p.name, (select coalesce(max(seq_id), 0) from {schema}.mt_events) - p.last_seq_id from {schema}.mt_event_progression p " +
            "where p.name like '%:%' order by p.name", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var backlog = new List<string>();
        while (await reader.ReadAsync(cancellation)) backlog.Add($"{reader.GetString(0)} {reader.GetInt64(1):N0}");
        return backlog.Count == 0 ? "none" : string.Join(", ", backlog);
    }

    /// <summary>
    /// What the polls saw besides the projection, for telling a stall's cause: the longest time between two answers (a
    /// database or machine that stood still answers nothing) and the longest time the store's last event did not move
    /// (answers, but no command committed), each with when it began.
    /// </summary>
    public string Stillness()
    {
        (DateTimeOffset At, long Sequence, long LastEvent)[] heads;
        lock (_observations) heads = [.. _observations];
        if (heads.Length < 2) return "too few polls to tell";
        var (answerGap, answerGapAt) = (TimeSpan.Zero, heads[0].At);
        var (stillFor, stillFrom) = (TimeSpan.Zero, heads[0].At);
        var movedAt = heads[0].At;
        for (var i = 1; i < heads.Length; i++)
        {
            if (heads[i].At - heads[i - 1].At > answerGap) (answerGap, answerGapAt) = (heads[i].At - heads[i - 1].At, heads[i - 1].At);
            if (heads[i].LastEvent != heads[i - 1].LastEvent) movedAt = heads[i].At;
            else if (heads[i].At - movedAt > stillFor) (stillFor, stillFrom) = (heads[i].At - movedAt, movedAt);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"longest wait for a poll's answer {answerGap.TotalMilliseconds:N0} ms (from {answerGapAt:HH:mm:ss.f}), longest time without a new event in the store {stillFor.TotalMilliseconds:N0} ms (from {stillFrom:HH:mm:ss.f})");
    }

    private long LastSeen()
    {
        lock (_observations) return _observations.Count == 0 ? 0 : _observations[^1].Sequence;
    }

    private async Task PollAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var poll = new NpgsqlCommand(
            $"select last_seq_id, clock_timestamp(), (select coalesce(max(seq_id), 0) from {schema}.mt_events) from {schema}.mt_event_progression where name = @name",
            connection);
        poll.Parameters.AddWithValue("name", shardName);
        while (!_stop.IsCancellationRequested)
        {
            await using (var reader = await poll.ExecuteReaderAsync())
            {
                if (await reader.ReadAsync())
                {
                    var observation = (reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt64(0), reader.GetInt64(2));
                    lock (_observations) _observations.Add(observation);
                }
            }

            try
            {
                await Task.Delay(PollInterval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellation))!;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_polling is not null) await _polling;
        _stop.Dispose();
    }
}
