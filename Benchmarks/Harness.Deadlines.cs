using System.Diagnostics;
using Fachwerk.Application.Applications;
using Npgsql;

namespace Fachwerk.Benchmarks;

public sealed partial class Harness
{
    /// <summary>
    /// The scheduled deadlines of one kill (issue 24 item 1: "scheduled deadlines fire within 10 s"). Every case of a round asked
    /// for documents, which scheduled its <see cref="DocumentDeadlineReached"/> weeks ahead in Wolverine's inbox. Waiting weeks is no
    /// benchmark, so the harness moves their execution time in the database to moments spread over the next
    /// <see cref="DueSpread"/>, just before the kill: some come due (and may be taken by the node about to die) before it, the rest
    /// while it is dead. A deadline has run when its envelope is no longer waiting (handled, not dead-lettered). The handler finds
    /// the documents supplied and records nothing; what is measured is that the deadline ran, which is what the kill puts at risk.
    /// </summary>
    private sealed class DeadlinesAroundKill
    {
        private static readonly TimeSpan DueSpread = TimeSpan.FromMilliseconds(1_500);
        private const string Pending = "status in ('Scheduled', 'Incoming')";

        private readonly string _connectionString;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Dictionary<Guid, double> _due = [];
        private readonly Dictionary<Guid, double> _ran = [];
        private readonly HashSet<Guid> _ranBeforeKill = [];
        private double _killedAt = double.NaN;
        private Task? _watch;

        private DeadlinesAroundKill(string connectionString) => _connectionString = connectionString;

        private static string Envelopes => $"{Schema}.wolverine_incoming_envelopes";

        /// <summary>The document deadlines waiting now: taken before a round, so that only the round's own are moved.</summary>
        public static async Task<HashSet<Guid>> WaitingAsync(string connectionString, CancellationToken cancellation)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellation);
            var ids = new HashSet<Guid>();
            await using var select = new NpgsqlCommand(
                $"select id from {Envelopes} where status = 'Scheduled' and message_type like '%{nameof(DocumentDeadlineReached)}'", connection);
            await using var reader = await select.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation)) ids.Add(reader.GetGuid(0));
            return ids;
        }

        /// <summary>
        /// Every document deadline waiting now and not <paramref name="before"/> (the round's own; earlier phases leave theirs) is
        /// made due at a random moment of the next one and a half seconds.
        /// </summary>
        public static async Task<DeadlinesAroundKill> BringDueAsync(string connectionString, HashSet<Guid> before, Random random, CancellationToken cancellation)
        {
            var deadlines = new DeadlinesAroundKill(connectionString);
            var ids = (await WaitingAsync(connectionString, cancellation)).Except(before).ToList();
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellation);
            foreach (var id in ids)
            {
                var due = random.NextDouble() * DueSpread.TotalMilliseconds;
                await using var update = new NpgsqlCommand(
                    $"update {Envelopes} set execution_time = now() + make_interval(secs => @seconds) where id = @id and status = 'Scheduled'", connection);
                update.Parameters.AddWithValue("seconds", due / 1000);
                update.Parameters.AddWithValue("id", id);
                if (await update.ExecuteNonQueryAsync(cancellation) == 1) deadlines._due[id] = deadlines._clock.Elapsed.TotalMilliseconds + due;
            }

            return deadlines;
        }

        /// <summary>Called right after the kill: from then on every deadline is watched until it has run.</summary>
        public void Killed(CancellationToken cancellation)
        {
            _killedAt = _clock.Elapsed.TotalMilliseconds;
            _watch = WatchAsync(cancellation);
        }

        private async Task WatchAsync(CancellationToken cancellation)
        {
            var guard = Stopwatch.StartNew();
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(cancellation);
            var firstLook = true;
            while (_ran.Count < _due.Count)
            {
                if (guard.Elapsed > TimeSpan.FromMinutes(2))
                    throw new TimeoutException($"{_due.Count - _ran.Count} deadlines had not run two minutes after the kill.");
                var waiting = new HashSet<Guid>();
                await using (var command = new NpgsqlCommand($"select id from {Envelopes} where id = any(@ids) and {Pending}", connection))
                {
                    command.Parameters.AddWithValue("ids", _due.Keys.ToArray());
                    await using var reader = await command.ExecuteReaderAsync(cancellation);
                    while (await reader.ReadAsync(cancellation)) waiting.Add(reader.GetGuid(0));
                }

                var now = _clock.Elapsed.TotalMilliseconds;
                foreach (var id in _due.Keys.Where(id => !waiting.Contains(id) && !_ran.ContainsKey(id)).ToList())
                {
                    // What the first look, right after the kill, finds done had run before it: not the kill's to delay.
                    if (firstLook) _ranBeforeKill.Add(id);
                    _ran[id] = now;
                }

                firstLook = false;
                if (_ran.Count < _due.Count) await Task.Delay(50, cancellation);
            }

            await using var dead = new NpgsqlCommand($"select count(*) from {Schema}.wolverine_dead_letters where id = any(@ids)", connection);
            dead.Parameters.AddWithValue("ids", _due.Keys.ToArray());
            if (Convert.ToInt64(await dead.ExecuteScalarAsync(cancellation), System.Globalization.CultureInfo.InvariantCulture) is > 0 and var count)
                throw new InvalidOperationException($"{count} deadlines went to the dead letters after the kill instead of running.");
        }

        /// <summary>
        /// For each deadline that had not run at the kill: how long after it could first run (its due moment, the kill, or
        /// <paramref name="servingFrom"/> when a restarted node is the only one left) it ran, and whether it came due before the kill.
        /// </summary>
        public async Task<IReadOnlyList<(double Delay, bool DueBeforeKill)>> RunAsync(double? servingFrom = null)
        {
            await (_watch ?? throw new InvalidOperationException("Killed was not called."));
            return [.. _ran.Where(r => !_ranBeforeKill.Contains(r.Key))
                .Select(r => (r.Value - Math.Max(_due[r.Key], Math.Max(_killedAt, servingFrom ?? 0)), _due[r.Key] < _killedAt))];
        }

        /// <summary>Now on this watch's clock, e.g. the moment a node is started again.</summary>
        public double Now => _clock.Elapsed.TotalMilliseconds;

        /// <summary>Deadlines that had run before the kill (and are not counted).</summary>
        public int RanBeforeKill => _ranBeforeKill.Count;
    }
}
