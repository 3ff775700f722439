using System.Collections.Concurrent;
using System.Data;
using Fachwerk.Application.Common;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fachwerk.Host.Database;

/// <summary>
/// Keeps a failed statement from leaving its connection out of step with PostgreSQL (ADR 0055). Npgsql (10.0.x) prepares a
/// statement automatically on its fifth use on a connection (<c>Max Auto Prepare</c>, ADR 0020). When that preparing execution
/// fails while PostgreSQL binds the parameters (a NUL character in a text, an invalid Unicode escape in a jsonb, a statement
/// cancelled while it is planned), PostgreSQL has already parsed the statement and Npgsql records it as prepared, but without
/// the description of its result: the next execution of the same statement on that connection, by whichever request takes the
/// connection from the pool next, reads the first row where it expects the end and fails with
/// "Received unexpected backend message DataRow".
/// <para>
/// So every connection on which a Marten statement failed is noted (by its PostgreSQL backend process id, the connection's
/// identity across the pool), and before its next statement its prepared statements are dropped (<c>DEALLOCATE ALL</c>, and
/// Npgsql's bookkeeping with them): they are prepared again on later uses. It wraps Marten's own logger, which is where Marten
/// reports every statement before it runs and every failure.
/// </para>
/// <para>
/// Not after a failure PostgreSQL can only raise once the statement runs (<see cref="LeavesPreparationInStep"/>): a version
/// conflict, a unique key, a deadlock. Npgsql has the statement's description by then, so nothing is out of step, and dropping
/// the statements would do harm: Npgsql forgets them but does not tell the command objects that hold one, and Marten's event
/// loader keeps its command for the daemon's life, so its next load on that connection named a statement PostgreSQL no longer
/// had (26000, "prepared statement _autoN does not exist") and the daemon's page failed into retries.
/// </para>
/// <para>
/// A write that lost a race for a stream (<see cref="IsLostRace"/>) is no failure of the service: its command is refused with
/// 409 or its handler runs again with the stream as it is now. Marten's own logger writes it as an error, once for each
/// statement of the batch with its SQL and parameters, and again as the concurrency failure it makes of it; here it is one
/// line a session at Information with PostgreSQL's message (the stream and the versions), so that the error log holds errors
/// only (ADR 0142).
/// </para>
/// </summary>
public sealed class FailedStatementReset(IMartenLogger inner, ILogger? races = null) : IMartenLogger
{
    private readonly ConcurrentDictionary<int, byte> _connectionsToReset = new();
    private readonly ILogger _races = races ?? NullLogger.Instance;

    public IMartenLogger Inner { get; } = inner;

    /// <summary>
    /// Wraps the store's logger (Marten's default, which writes to the host's log) once the store exists; lost races go to
    /// <paramref name="races"/>.
    /// </summary>
    public static void Apply(StoreOptions options, ILogger? races = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Logger() is not FailedStatementReset) options.Logger(new FailedStatementReset(options.Logger(), races));
    }

    /// <summary>
    /// PostgreSQL's refusal of a write that lost a race for a stream inside <paramref name="failure"/>, or null: Marten's append
    /// function found the stream at another version than the command read (MT003), or the event tables' unique keys or a
    /// deadlock refused a concurrent append (<see cref="AppendRaces"/>).
    /// </summary>
    public static PostgresException? IsLostRace(Exception? failure) =>
        ExceptionChain.Find<PostgresException>(failure, e => e.SqlState == StreamVersionMismatch) ?? AppendRaces.LostIn(failure);

    /// <summary>The SQL state Marten's <c>mt_quick_append_events</c> raises when the stream is not at the expected version.</summary>
    public const string StreamVersionMismatch = "MT003";

    private static readonly Action<ILogger, string, string, Exception?> RaceLost = LoggerMessage.Define<string, string>(LogLevel.Information,
        new EventId(142, "RaceLost"), "A write lost a race for a stream and was rolled back ({SqlState}: {Refusal}); its command is refused or its handler runs again");

    /// <summary>
    /// Whether <paramref name="failure"/> is a lost race: PostgreSQL's refusal (<see cref="IsLostRace"/>), or the
    /// <see cref="JasperFx.ConcurrencyException"/> Marten turns it into (without the refusal inside) and reports again.
    /// </summary>
    private static (string Code, string Refusal)? RaceIn(Exception failure) =>
        IsLostRace(failure) is { } race ? (race.SqlState, race.MessageText)
        : ExceptionChain.Find<JasperFx.ConcurrencyException>(failure, _ => true) is { } concurrency ? (concurrency.GetType().Name, concurrency.Message)
        : null;

    public IMartenSessionLogger StartSession(IQuerySession session) => new SessionLogger(Inner.StartSession(session), this);

    public void SchemaChange(string sql) => Inner.SchemaChange(sql);

    /// <summary>
    /// Whether a failed read may succeed when tried again: a transient failure (the connection was lost, a timeout), or the
    /// daemon's event loader failing; never a statement PostgreSQL refused (Marten's default retries every failure of a read).
    /// </summary>
    public static bool MayPass(Exception? failure) =>
        failure switch
        {
            null => false,
            NpgsqlException npgsql => npgsql.IsTransient,
            Marten.Exceptions.MartenCommandException { InnerException: { } inner } => MayPass(inner),
            Marten.Exceptions.MartenCommandException => false,
            JasperFx.Events.Daemon.EventLoaderException => true,
            _ => false,
        };

    /// <summary>How many connections wait for their prepared statements to be dropped (for tests).</summary>
    public int Pending => _connectionsToReset.Count;

    /// <summary>
    /// Whether PostgreSQL raised <paramref name="failure"/> while the statement ran, after it had bound the parameters: an
    /// integrity constraint (class 23, Marten's stream version index among them), a transaction rolled back (class 40:
    /// serialization, deadlock), a PL/pgSQL <c>RAISE</c> (class P0, and Marten's own codes such as MT003 from its append
    /// function and upserts). A failure while parsing (25P02 in a failed transaction) leaves nothing prepared either. Anything
    /// else, or a failure that is not PostgreSQL's, may have come while binding, so its connection is reset.
    /// </summary>
    public static bool LeavesPreparationInStep(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
                return postgres.SqlState.StartsWith("23", StringComparison.Ordinal)
                       || postgres.SqlState.StartsWith("40", StringComparison.Ordinal)
                       || postgres.SqlState.StartsWith("P0", StringComparison.Ordinal)
                       || postgres.SqlState.StartsWith("MT", StringComparison.Ordinal)
                       || postgres.SqlState == PostgresErrorCodes.InFailedSqlTransaction;
        }

        return false;
    }

    private void Failed(NpgsqlConnection? connection, Exception failure)
    {
        if (LeavesPreparationInStep(failure)) return;
        if (ProcessOf(connection) is { } process) _connectionsToReset.TryAdd(process, 0);
    }

    private void ResetIfFailedBefore(NpgsqlConnection? connection)
    {
        if (_connectionsToReset.IsEmpty || ProcessOf(connection) is not { } process || !_connectionsToReset.TryRemove(process, out _)) return;
        try
        {
            connection!.UnprepareAll();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // Still inside the failed transaction (its statements fail anyway) or broken: try again before its next statement.
            if (connection!.State == ConnectionState.Open) _connectionsToReset.TryAdd(process, 0);
        }
    }

    private static int? ProcessOf(NpgsqlConnection? connection)
    {
        if (connection is not { State: ConnectionState.Open }) return null;
        try
        {
            return connection.ProcessID;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private sealed class SessionLogger(IMartenSessionLogger inner, FailedStatementReset reset) : IMartenSessionLogger
    {
        // Marten reports one failure several times (the batch, then the session's save): a session's race is written once.
        private bool _raceWritten;

        public void OnBeforeExecute(NpgsqlCommand command)
        {
            reset.ResetIfFailedBefore(command.Connection);
            inner.OnBeforeExecute(command);
        }

        public void OnBeforeExecute(NpgsqlBatch batch)
        {
            reset.ResetIfFailedBefore(batch.Connection);
            inner.OnBeforeExecute(batch);
        }

        public void LogFailure(NpgsqlCommand command, Exception ex)
        {
            reset.Failed(command.Connection, ex);
            if (!WroteLostRace(ex)) inner.LogFailure(command, ex);
        }

        public void LogFailure(NpgsqlBatch batch, Exception ex)
        {
            reset.Failed(batch.Connection, ex);
            if (!WroteLostRace(ex)) inner.LogFailure(batch, ex);
        }

        public void LogFailure(Exception ex, string message)
        {
            if (!WroteLostRace(ex)) inner.LogFailure(ex, message);
        }

        public void LogSuccess(NpgsqlCommand command) => inner.LogSuccess(command);

        public void LogSuccess(NpgsqlBatch batch) => inner.LogSuccess(batch);

        public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) => inner.RecordSavedChanges(session, commit);

        /// <summary>Writes the session's lost race once and says whether <paramref name="failure"/> was one.</summary>
        private bool WroteLostRace(Exception failure)
        {
            if (RaceIn(failure) is not { } race) return false;
            if (!_raceWritten) RaceLost(reset._races, race.Code, race.Refusal, null);
            _raceWritten = true;
            return true;
        }
    }
}
