using System.Net.Sockets;
using Npgsql;

namespace Fachwerk.Application.Common;

/// <summary>
/// Failures of the database that pass by themselves: the connection refused, broken or timed out, PostgreSQL shutting down,
/// starting up or out of connections, a deadlock or serialization failure. Handlers retry them (FachwerkApplication); the HTTP
/// edge answers them with 503 and <c>Retry-After</c> (ADR 0080).
/// </summary>
public static class DatabaseFailures
{
    /// <summary>The database failure inside <paramref name="exception"/> (Marten wraps Npgsql's), or null when it is none that passes.</summary>
    public static NpgsqlException? TransientIn(Exception? exception) => ExceptionChain.Find<NpgsqlException>(exception, IsTransient);

    public static bool IsTransient(Exception exception) => TransientIn(exception) is not null;

    private static bool IsTransient(NpgsqlException exception) =>
        exception.IsTransient || exception is PostgresException
        {
            SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
        } || exception is PostgresException { SqlState: [ '0', '8', _, _, _ ] };

    /// <summary>
    /// Whether the failure came before a connection was open (refused, PostgreSQL starting up, shutting down or out of
    /// connections): then the request cannot have recorded anything. Any other failure may have come during or after the commit.
    /// </summary>
    public static bool BeforeConnecting(NpgsqlException failure) =>
        failure is PostgresException { SqlState: PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections }
        || failure.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable }
        || failure.Message.StartsWith("Failed to connect", StringComparison.Ordinal);
}
