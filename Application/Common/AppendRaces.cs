using Npgsql;

namespace Fachwerk.Application.Common;

/// <summary>
/// Appends that lost a race on a stream in the database rather than in Marten's version check: two transactions appending to
/// one stream at once can deadlock (40P01), and the loser's unique keys of the event tables (the stream's version, the event
/// sequence Marten's tombstones take again, the hash chain's link) refuse it (23505). Either way its transaction was rolled back
/// and nothing of it was recorded, as with a stale version; handlers retry it, the HTTP edge answers 409 or asks to send again.
/// </summary>
public static class AppendRaces
{
    /// <summary>The database's refusal of a racing append inside <paramref name="exception"/>, or null.</summary>
    public static PostgresException? LostIn(Exception? exception) => ExceptionChain.Find<PostgresException>(exception, IsLostRace);

    public static bool IsLost(Exception exception) => LostIn(exception) is not null;

    private static bool IsLostRace(PostgresException exception) =>
        exception.SqlState == PostgresErrorCodes.DeadlockDetected
        || exception is { SqlState: PostgresErrorCodes.UniqueViolation }
        && (exception.TableName is "mt_events" or "mt_streams" or "mt_event_chain"
            || exception.ConstraintName?.Contains("mt_event", StringComparison.Ordinal) == true
            || exception.ConstraintName?.Contains("mt_stream", StringComparison.Ordinal) == true);
}
