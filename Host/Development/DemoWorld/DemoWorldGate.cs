using Npgsql;

namespace Fachwerk.Host.Development.DemoWorld;

/// <summary>
/// Lets one node at a time seed the demo world: nodes that start together on one database wait for the first to finish and
/// then find everything in place (the seeder adds only what is missing), instead of both creating the same alliances. A
/// PostgreSQL session lock, so a node killed while seeding frees it with its connection.
/// </summary>
public static class DemoWorldGate
{
    /// <summary>The advisory lock's key ("FWDEMO" in ASCII), apart from Marten's (4444) and Wolverine's locks.</summary>
    public const long LockKey = 0x46_57_44_45_4D_4F;

    public static async Task<T> RunAloneAsync<T>(string connectionString, Func<CancellationToken, Task<T>> seed, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(seed);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        // Asked again every half second rather than waited for in one statement: a statement running since before the other
        // node's appends looks to the projection daemon like a transaction that may still fill a gap in the event sequence,
        // and would hold the projections back while the other node seeds.
        await using (var take = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection))
        {
            take.Parameters.AddWithValue("key", LockKey);
            while (!(bool)(await take.ExecuteScalarAsync(cancellation))!)
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellation);
        }

        try
        {
            return await seed(cancellation);
        }
        finally
        {
            await using var release = new NpgsqlCommand("select pg_advisory_unlock(@key)", connection);
            release.Parameters.AddWithValue("key", LockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
