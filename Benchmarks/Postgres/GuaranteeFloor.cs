using System.Diagnostics;
using Fachwerk.Host.Database;
using Npgsql;

namespace Fachwerk.Benchmarks.Postgres;

/// <summary>
/// (issue 25) What PostgreSQL has to do for a command on an application whatever the code around it: the statements the
/// command's guarantees need, sent by a plain client in the shape Marten sends them, three round trips each: the reads with
/// <c>BEGIN</c> (the caller, the details and the summary, the stream's events and version), the append with the read models, <c>COMMIT</c>.
/// The event goes through the store's own append function, with its version check, and the hash chain's trigger (ADR 0030); the
/// read models a caller reads his writes from (the details, the summary, the inbox task) are written in the same
/// transaction, with all their indexes; the commit is durable.
/// <para>
/// It runs on copies of those tables and functions in a schema of its own, filled with the store's rows, so neither the daemon
/// nor the host sees any of it. Left out, because no guarantee asks for it: what the mix does beyond one event on an existing
/// application (a draft's new stream, a confirmation's budget workflow and letter), the notifications and mails, the async
/// projections, Wolverine's envelopes, the pool's resets. The upserts write each row's columns as they are, with the next
/// version, as Marten's do without their version guard.
/// </para>
/// </summary>
public sealed class GuaranteeFloor : IAsyncDisposable
{
    public const string Schema = "bench_guarantees";

    private static readonly string[] Tables =
    [
        "mt_streams", "mt_events", "mt_event_chain", "mt_doc_person", "mt_doc_applicationdetails", "mt_doc_applicationsummary", "mt_doc_inboxtask",
    ];

    private static readonly string[] Functions = ["mt_quick_append_events", "mt_event_chain_link", "mt_event_chain_hash"];
    // The application's inline read models (the summary's projection writes the inbox tasks too); the rule check is asynchronous.
    private static readonly string[] ReadModels = ["mt_doc_applicationdetails", "mt_doc_applicationsummary"];

    private readonly NpgsqlDataSource _source;
    private readonly List<Application> _applications;
    private readonly Guid _caller;

    private GuaranteeFloor(NpgsqlDataSource source, List<Application> applications, Guid caller)
    {
        _source = source;
        _applications = applications;
        _caller = caller;
    }

    /// <summary>How many commands the floor committed in how long.</summary>
    public sealed record CommandCount(int Commands, TimeSpan Elapsed)
    {
        public double PerSecond => Commands / Elapsed.TotalSeconds;
    }

    /// <summary>The applications the commands move on: those with a stream and every read model.</summary>
    public int Applications => _applications.Count;

    /// <summary>
    /// Copies the store's tables and functions (in <paramref name="storeSchema"/>) into <see cref="Schema"/>, through a pool set
    /// up as the service's (ADR 0020, ADR 0024); disposing drops the copies.
    /// </summary>
    public static async Task<GuaranteeFloor> PrepareAsync(string connectionString, string storeSchema, CancellationToken cancellation)
    {
        var source = NpgsqlDataSource.Create(FachwerkDatabase.WithConnectionDefaults(connectionString));
        try
        {
            await CopyAsync(source, storeSchema, cancellation);
            var applications = await ApplicationsAsync(source, cancellation);
            if (applications.Count == 0) throw new InvalidOperationException("The guarantees' floor needs an application with every read model; the store has none.");
            // The caller's profile, as a command reads it (a missing one costs the same index probe).
            var caller = await ScalarAsync<Guid>(source, $"select coalesce((select id from {Schema}.mt_doc_person limit 1), gen_random_uuid())", cancellation);
            return new GuaranteeFloor(source, applications, caller);
        }
        catch
        {
            await DropAsync(source);
            await source.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Commands from <paramref name="clients"/> connections (at most one per application) for <paramref name="duration"/>, after a
    /// checkpoint, with the statements of <paramref name="guarantees"/>.
    /// </summary>
    public async Task<CommandCount> CommandsAsync(int clients, TimeSpan duration, Guarantees guarantees, CancellationToken cancellation)
    {
        await using (var connection = await _source.OpenConnectionAsync(cancellation))
        {
            await PostgresFloors.ExecuteAsync(connection,
                $"alter table {Schema}.mt_events {(guarantees.HasFlag(Guarantees.HashChain) ? "enable" : "disable")} trigger mt_event_chain_link", cancellation);
            await PostgresFloors.ExecuteAsync(connection, "checkpoint", cancellation);
        }

        clients = Math.Min(clients, _applications.Count);
        var commands = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            // Each client moves its own applications on, so no two append to one stream.
            var own = _applications.Where((_, i) => i % clients == client).ToList();
            for (var next = 0; clock.Elapsed < duration; next++)
            {
                await CommandAsync(_source, own[next % own.Count], _caller, guarantees, cancellation);
                Interlocked.Increment(ref commands);
            }
        }));
        return new CommandCount(commands, clock.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        await DropAsync(_source);
        await _source.DisposeAsync();
    }

    private static async Task DropAsync(NpgsqlDataSource source)
    {
        await using var connection = await source.OpenConnectionAsync(CancellationToken.None);
        await PostgresFloors.ExecuteAsync(connection, $"drop schema if exists {Schema} cascade", CancellationToken.None);
    }

    /// <summary>One command: the reads with <c>BEGIN</c>, the append with the read models, <c>COMMIT</c>.</summary>
    private static async Task CommandAsync(NpgsqlDataSource source, Application application, Guid caller, Guarantees guarantees, CancellationToken cancellation)
    {
        await using var connection = await source.OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);

        await using (var reads = new NpgsqlBatch(connection, transaction))
        {
            Add(reads, $"select d.id, d.data, d.mt_version from {Schema}.mt_doc_person as d where id = $1", caller);
            foreach (var table in ReadModels) Add(reads, $"select d.id, d.data, d.mt_version from {Schema}.{table} as d where id = $1", application.Id);
            Add(reads, $"select data, type, mt_dotnet_type, seq_id, id, stream_id, version, timestamp, tenant_id, correlation_id, causation_id, headers, user_name " +
                       $"from {Schema}.mt_events where stream_id = $1 order by version", application.Id);
            Add(reads, $"select version from {Schema}.mt_streams where id = $1", application.Id);
            await using var reader = await reads.ExecuteReaderAsync(cancellation);
            do
            {
                while (await reader.ReadAsync(cancellation))
                    for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
            } while (await reader.NextResultAsync(cancellation));
        }

        var version = application.Version + 1;
        await using (var writes = new NpgsqlBatch(connection, transaction))
        {
            var now = DateTimeOffset.UtcNow;
            Add(writes, $"select {Schema}.mt_quick_append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
                application.Id, "funding_application", "*DEFAULT*", new[] { Guid.NewGuid() }, new[] { application.EventType }, new[] { application.DotnetType },
                Typed(new[] { application.EventData }, "jsonb[]"), Typed(new byte[]?[] { null }, "bytea[]"), new[] { "bench" }, new[] { "bench" },
                Typed(new string?[] { null }, "jsonb[]"), new[] { "sabine.sachbearbeitung" }, new[] { now }, application.Version);
            if (guarantees.HasFlag(Guarantees.ReadModels)) foreach (var row in application.Rows) writes.BatchCommands.Add(row.Upsert(version, now));
            if (guarantees.HasFlag(Guarantees.ReadModels) && application.InboxTask is { } task)
            {
                Add(writes, $"delete from {Schema}.mt_doc_inboxtask as d where d.application_id = $1", application.Id);
                writes.BatchCommands.Add(task.Upsert(version, now));
            }

            await writes.ExecuteNonQueryAsync(cancellation);
        }

        await transaction.CommitAsync(cancellation);
        application.Version = version;
    }

    private static async Task CopyAsync(NpgsqlDataSource source, string storeSchema, CancellationToken cancellation)
    {
        await using var connection = await source.OpenConnectionAsync(cancellation);
        var sql = new List<string> { $"drop schema if exists {Schema} cascade", $"create schema {Schema}" };
        foreach (var table in Tables)
        {
            sql.Add($"create table {Schema}.{table} (like {storeSchema}.{table} including all)");
            sql.Add($"insert into {Schema}.{table} select * from {storeSchema}.{table}");
        }

        sql.Add($"create sequence {Schema}.mt_events_sequence");
        sql.Add($"select setval('{Schema}.mt_events_sequence', (select coalesce(max(seq_id), 0) + 1 from {Schema}.mt_events))");
        // One snapshot, so each stream's version is its last event's although the host may still be appending.
        await using (var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellation))
        {
            foreach (var statement in sql) await PostgresFloors.ExecuteAsync(connection, statement, cancellation);
            await snapshot.CommitAsync(cancellation);
        }

        // The store's functions, reading and writing the copies.
        foreach (var function in Functions)
        {
            await using var definition = new NpgsqlCommand(
                "select pg_get_functiondef(p.oid) from pg_proc p where p.pronamespace = $1::regnamespace and p.proname = $2", connection);
            definition.Parameters.Add(new NpgsqlParameter { Value = storeSchema });
            definition.Parameters.Add(new NpgsqlParameter { Value = function });
            var text = (string?)await definition.ExecuteScalarAsync(cancellation)
                       ?? throw new InvalidOperationException($"The store has no function {storeSchema}.{function}.");
            await PostgresFloors.ExecuteAsync(connection, text.Replace($"{storeSchema}.", $"{Schema}.", StringComparison.Ordinal), cancellation);
        }

        await PostgresFloors.ExecuteAsync(connection,
            $"create trigger mt_event_chain_link after insert on {Schema}.mt_events for each row execute function {Schema}.mt_event_chain_link()", cancellation);
        // Vacuumed and flushed as the store's own tables are by the time the commands run: otherwise autovacuum would work
        // through the fresh copies, and every first write of a page after the copy would log the whole page, during the measurement.
        foreach (var table in Tables) await PostgresFloors.ExecuteAsync(connection, $"vacuum analyze {Schema}.{table}", cancellation);
        await PostgresFloors.ExecuteAsync(connection, "checkpoint", cancellation);
    }

    /// <summary>The applications that have a stream and every read model, each with its last event (what its next one is made of).</summary>
    private static async Task<List<Application>> ApplicationsAsync(NpgsqlDataSource source, CancellationToken cancellation)
    {
        var applications = new List<Application>();
        await using var connection = await source.OpenConnectionAsync(cancellation);
        await using (var streams = new NpgsqlCommand(
                         $"select s.id, s.version, e.type, e.mt_dotnet_type, e.data::text from {Schema}.mt_streams s " +
                         $"join {Schema}.mt_events e on e.stream_id = s.id and e.version = s.version " +
                         string.Concat(ReadModels.Select(table => $"join {Schema}.{table} as {table} on {table}.id = s.id ")) +
                         "where s.type = 'funding_application' order by s.id", connection))
        await using (var reader = await streams.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation))
                applications.Add(new Application(reader.GetGuid(0), reader.GetString(2), reader.GetString(3), reader.GetString(4)) { Version = reader.GetInt64(1) });
        }

        foreach (var application in applications)
        {
            foreach (var table in ReadModels)
                application.Rows.Add(await RowAsync(connection, table, "id", application.Id, cancellation)
                                     ?? throw new InvalidOperationException($"No {table} row for {application.Id}."));
            application.InboxTask = await RowAsync(connection, "mt_doc_inboxtask", "application_id", application.Id, cancellation);
        }

        return applications;
    }

    private static async Task<StoredRow?> RowAsync(NpgsqlConnection connection, string table, string key, Guid id, CancellationToken cancellation)
    {
        await using var select = new NpgsqlCommand($"select * from {Schema}.{table} where {key} = $1 limit 1", connection);
        select.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await select.ExecuteReaderAsync(cancellation);
        if (!await reader.ReadAsync(cancellation)) return null;
        var columns = Enumerable.Range(0, reader.FieldCount)
            .Select(i => new StoredColumn(reader.GetName(i), reader.GetDataTypeName(i), reader.IsDBNull(i) ? DBNull.Value : reader.GetValue(i)))
            .ToList();
        return new StoredRow(table, columns);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource source, string sql, CancellationToken cancellation)
    {
        await using var command = source.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(cancellation) ?? throw new InvalidOperationException($"No row for: {sql}"));
    }

    private static void Add(NpgsqlBatch batch, string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value ?? DBNull.Value });
        batch.BatchCommands.Add(command);
    }

    private static NpgsqlParameter Typed(object value, string dataTypeName) => new() { Value = value, DataTypeName = dataTypeName };

    /// <summary>Which of the guarantees' statements a command sends beside its reads, its append and its commit.</summary>
    [Flags]
    public enum Guarantees
    {
        /// <summary>The stream read for the decision, the append with its version check, a durable commit.</summary>
        Append = 0,

        /// <summary>The hash chain's link for every event (ADR 0030).</summary>
        HashChain = 1,

        /// <summary>The read models a caller reads his writes from, written in the command's transaction.</summary>
        ReadModels = 2,

        All = HashChain | ReadModels,
    }

    private sealed record Application(Guid Id, string EventType, string DotnetType, string EventData)
    {
        public long Version { get; set; }

        public List<StoredRow> Rows { get; } = [];

        public StoredRow? InboxTask { get; set; }
    }

    private sealed record StoredColumn(string Name, string DataTypeName, object Value);

    /// <summary>A read model's row as stored; written again as its projection writes it, with the next version.</summary>
    private sealed record StoredRow(string Table, IReadOnlyList<StoredColumn> Columns)
    {
        private readonly string _sql =
            $"insert into {Schema}.{Table} ({string.Join(", ", Columns.Select(c => $"\"{c.Name}\""))}) " +
            $"values ({string.Join(", ", Columns.Select((_, i) => $"${i + 1}"))}) on conflict (id) do update set " +
            string.Join(", ", Columns.Where(c => c.Name != "id").Select(c => $"\"{c.Name}\" = excluded.\"{c.Name}\""));

        public NpgsqlBatchCommand Upsert(long version, DateTimeOffset now)
        {
            var command = new NpgsqlBatchCommand(_sql);
            foreach (var column in Columns)
            {
                var value = column.Name switch
                {
                    // The inbox task's version is a Guid (Marten's default for a document without a numeric revision).
                    "mt_version" => column.DataTypeName switch
                    {
                        "uuid" => Guid.NewGuid(),
                        "integer" => (object)(int)version,
                        _ => version,
                    },
                    "mt_last_modified" => now,
                    _ => column.Value,
                };
                command.Parameters.Add(new NpgsqlParameter { Value = value, DataTypeName = column.DataTypeName });
            }

            return command;
        }
    }
}
