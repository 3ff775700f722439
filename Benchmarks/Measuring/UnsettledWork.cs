using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Fachwerk.Benchmarks.Measuring;

/// <summary>
/// What the host still has to do for the commands it accepted: applications that await their commitment (the budget workflow),
/// messages waiting in Wolverine's inbox, and async projections behind the last event. A phase that compares windows waits
/// until there is none, so no window pays for the one before.
/// </summary>
public static class UnsettledWork
{
    /// <summary>One scalar: the sum of the three; the comment keeps it apart in pg_stat_statements.</summary>
    public static string CountSql(string schema) =>
        $"/* bench */ select (select count(*) from {schema}.mt_doc_applicationsummary where data->>'status' = 'AwaitingCommitment') + " +
        $"(select count(*) from {schema}.wolverine_incoming_envelopes where status = 'Incoming') + " +
        $"(select count(*) from {schema}.mt_event_progression where name like '%:%' and last_seq_id < (select coalesce(max(seq_id), 0) from {schema}.mt_events))";

    /// <summary>Polls <paramref name="scalar"/> with <see cref="CountSql"/> every 100 ms until it is zero; two minutes at most.</summary>
    public static async Task WaitAsync(Func<string, CancellationToken, Task<long>> scalar, string schema, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        var guard = Stopwatch.StartNew();
        while (await scalar(CountSql(schema), cancellation) > 0)
        {
            if (guard.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("The host did not settle within two minutes.");
            await Task.Delay(100, cancellation);
        }
    }

    /// <summary>The same, polled on <paramref name="connection"/>.</summary>
    public static Task WaitAsync(NpgsqlConnection connection, string schema, CancellationToken cancellation) =>
        WaitAsync(async (sql, token) =>
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(token), CultureInfo.InvariantCulture);
        }, schema, cancellation);
}
