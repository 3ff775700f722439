using System.Collections.Concurrent;
using System.Data;
using Marten;
using Marten.Services;
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
/// </summary>
public sealed class FailedStatementReset(IMartenLogger inner) : IMartenLogger
{
    private readonly ConcurrentDictionary<int, byte> _connectionsToReset = new();

    public IMartenLogger Inner { get; } = inner;

    /// <summary>Wraps the store's logger (Marten's default, which writes to the host's log) once the store exists.</summary>
    public static void Apply(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Logger() is not FailedStatementReset) options.Logger(new FailedStatementReset(options.Logger()));
    }

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

    private void Failed(NpgsqlConnection? connection)
    {
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
            reset.Failed(command.Connection);
            inner.LogFailure(command, ex);
        }

        public void LogFailure(NpgsqlBatch batch, Exception ex)
        {
            reset.Failed(batch.Connection);
            inner.LogFailure(batch, ex);
        }

        public void LogFailure(Exception ex, string message) => inner.LogFailure(ex, message);

        public void LogSuccess(NpgsqlCommand command) => inner.LogSuccess(command);

        public void LogSuccess(NpgsqlBatch batch) => inner.LogSuccess(batch);

        public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) => inner.RecordSavedChanges(session, commit);
    }
}
