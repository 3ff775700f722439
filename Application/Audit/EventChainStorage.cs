using System.Data.Common;
using System.Text;
using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Triggers;
using DbCommandBuilder = Weasel.Core.DbCommandBuilder;

namespace Fachwerk.Application.Audit;

/// <summary>
/// Tamper evidence for the event store (docs/adr/0030): PostgreSQL links every event a stream receives to the event
/// before it. An AFTER INSERT trigger on <c>mt_events</c> hashes the previous link's hash together with the event's
/// stored bytes (its type, jsonb data and metadata as PostgreSQL renders them) and writes the link to
/// <c>mt_event_chain</c>, in the same transaction as the event. <see cref="EventChainHash"/> is the same computation in
/// .NET, which <see cref="EventChainVerifier"/> uses to recompute the chains independently.
/// </summary>
/// <remarks>
/// Registered as a Marten storage feature (not as an extended schema object): features are applied after the event
/// tables, and the trigger needs <c>mt_events</c>. The <c>mt_</c> prefix puts the chain under Marten's own clean-up
/// (<c>ResetAllData</c>, <c>CompletelyRemoveAll</c>), which resets the event store as a whole.
/// </remarks>
public sealed class EventChainStorage(StoreOptions options) : FeatureSchemaBase("EventChain", options.Advanced.Migrator)
{
    public const string TableName = "mt_event_chain";
    public const string HashFunctionName = "mt_event_chain_hash";
    public const string LinkFunctionName = "mt_event_chain_link";
    public const string TriggerName = "mt_event_chain_link";

    private string Schema => options.Events.DatabaseSchemaName;

    private static DbObjectName Name(string schema, string name) => new PostgresqlObjectName(schema, name, SchemaUtils.IdentifierUsage.General);

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        // The function bodies are written the way pg_get_functiondef renders them, so that Weasel sees no difference
        // at the next start and leaves them (and the trigger that depends on the link function) alone.
        yield return new ReplacedInPlace(Name(Schema, HashFunctionName), HashFunctionSql(Schema));
        yield return new ReplacedInPlace(Name(Schema, LinkFunctionName), LinkFunctionSql(Schema));
        yield return new EventChainTable(Schema);
        yield return new Trigger(Name(Schema, TriggerName), Name(Schema, "mt_events"), $"{Schema}.{LinkFunctionName}()")
        {
            Timing = TriggerTiming.After,
            Events = TriggerEvents.Insert,
            ForEachRow = true,
        };
    }

    /// <summary>
    /// A function that a changed version replaces with CREATE OR REPLACE. (Weasel's default is DROP ... CASCADE and CREATE,
    /// which would silently drop the trigger that calls the link function.)
    /// </summary>
    private sealed class ReplacedInPlace(DbObjectName identifier, string body) : Function(identifier, body)
    {
        protected override ISchemaObjectDelta CreateFunctionDelta(FunctionBase? actual) => new InPlaceDelta(this, (Function?)actual);

        private sealed class InPlaceDelta(Function expected, Function? actual) : FunctionDelta(expected, actual)
        {
            public override void WriteUpdate(Migrator rules, TextWriter writer) => Expected.WriteCreateStatement(rules, writer);
        }
    }

    /// <summary>
    /// The hash of one link: SHA-256 (lower-case hex) over the UTF-8 bytes of the fields of <see cref="EventChainHash.Fields"/>,
    /// each written as <c>&lt;byte length&gt;:&lt;text&gt;,</c> (a missing value as <c>-1:,</c>).
    /// </summary>
    /// <remarks>
    /// One expression over text variables: each conversion (the jsonb text above all) runs once, and PL/pgSQL evaluates one
    /// expression instead of two per field in a loop, which took the function a third less time per event.
    /// </remarks>
    private static string HashFunctionSql(string schema) => $"""
        CREATE OR REPLACE FUNCTION {schema}.{HashFunctionName}(previous_hash varchar, stream uuid, event_version bigint, seq bigint, event_id uuid, event_type varchar, event_timestamp timestamp with time zone, tenant varchar, user_name varchar, correlation varchar, causation varchar, headers jsonb, body jsonb, binary_body bytea) RETURNS varchar AS $$
        DECLARE
            stream_text text := stream::text;
            version_text text := event_version::text;
            seq_text text := seq::text;
            event_id_text text := event_id::text;
            timestamp_text text := to_char(event_timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
            headers_text text := headers::text;
            body_text text := body::text;
            binary_text text := encode(binary_body, 'hex');
        BEGIN
            RETURN encode(sha256(convert_to(
                '{Encoding.UTF8.GetByteCount(EventChainHash.Scheme)}:{EventChainHash.Scheme},'
                || {Field("previous_hash")}
                || {Field("stream_text")}
                || {Field("version_text")}
                || {Field("seq_text")}
                || {Field("event_id_text")}
                || {Field("event_type")}
                || {Field("timestamp_text")}
                || {Field("tenant")}
                || {Field("user_name")}
                || {Field("correlation")}
                || {Field("causation")}
                || {Field("headers_text")}
                || {Field("body_text")}
                || {Field("binary_text")}, 'UTF8')), 'hex');
        END
        $$ LANGUAGE plpgsql;
        """;

    /// <summary>One field of the preimage as SQL: <c>&lt;byte length&gt;:&lt;text&gt;,</c>, or <c>-1:,</c> when it is missing.</summary>
    private static string Field(string variable) => $"coalesce(octet_length({variable})::text || ':' || {variable}, '-1:') || ','";

    /// <summary>
    /// The trigger function: links the new event to the stream's link at the version before it (none for version 1).
    /// Marten's tombstones (placeholders for the sequence numbers of failed appends) are not facts and are not linked.
    /// </summary>
    private static string LinkFunctionSql(string schema) => $"""
        CREATE OR REPLACE FUNCTION {schema}.{LinkFunctionName}() RETURNS trigger AS $$
        DECLARE
            previous varchar;
        BEGIN
            IF NEW.type = 'tombstone' THEN
                RETURN NULL;
            END IF;
            IF NEW.version > 1 THEN
                SELECT hash INTO previous FROM {schema}.{TableName} WHERE stream_id = NEW.stream_id AND version = NEW.version - 1;
            END IF;
            INSERT INTO {schema}.{TableName} (stream_id, version, seq_id, event_id, previous_hash, hash, linked_at)
            VALUES (NEW.stream_id, NEW.version, NEW.seq_id, NEW.id, previous,
                {schema}.{HashFunctionName}(previous, NEW.stream_id, NEW.version, NEW.seq_id, NEW.id, NEW.type, NEW.timestamp, NEW.tenant_id, NEW.user_name, NEW.correlation_id, NEW.causation_id, NEW.headers, NEW.data, NEW.bdata),
                clock_timestamp());
            RETURN NULL;
        END
        $$ LANGUAGE plpgsql;
        """;

    /// <summary>
    /// The link table. Created once; when it is created on a store that already holds events (the first deployment of the
    /// chain), those events are linked right away, in the order of their streams' versions.
    /// </summary>
    private sealed class EventChainTable(string schema) : ISchemaObject
    {
        public DbObjectName Identifier { get; } = Name(schema, TableName);

        public void WriteCreateStatement(Migrator migrator, TextWriter writer)
        {
            writer.WriteLine($"""
                CREATE TABLE IF NOT EXISTS {schema}.{TableName} (
                    stream_id     uuid          NOT NULL,
                    version       bigint        NOT NULL,
                    seq_id        bigint        NOT NULL,
                    event_id      uuid          NOT NULL,
                    previous_hash varchar(64)   NULL,
                    hash          varchar(64)   NOT NULL,
                    linked_at     timestamptz   NOT NULL DEFAULT (clock_timestamp()),
                    CONSTRAINT pkey_{TableName} PRIMARY KEY (stream_id, version)
                );
                DO $backfill$
                DECLARE
                    e record;
                    previous varchar;
                BEGIN
                    FOR e IN SELECT * FROM {schema}.mt_events WHERE type <> 'tombstone' ORDER BY stream_id, version LOOP
                        SELECT hash INTO previous FROM {schema}.{TableName} WHERE stream_id = e.stream_id AND version = e.version - 1;
                        INSERT INTO {schema}.{TableName} (stream_id, version, seq_id, event_id, previous_hash, hash)
                        VALUES (e.stream_id, e.version, e.seq_id, e.id, previous,
                            {schema}.{HashFunctionName}(previous, e.stream_id, e.version, e.seq_id, e.id, e.type, e.timestamp, e.tenant_id, e.user_name, e.correlation_id, e.causation_id, e.headers, e.data, e.bdata))
                        ON CONFLICT DO NOTHING;
                    END LOOP;
                END
                $backfill$;
                """);
        }

        public void WriteDropStatement(Migrator rules, TextWriter writer) =>
            writer.WriteLine($"DROP TABLE IF EXISTS {schema}.{TableName} CASCADE;");

        public void ConfigureQueryCommand(DbCommandBuilder builder)
        {
            var name = builder.AddParameter($"{schema}.{TableName}").ParameterName;
            builder.Append($"select to_regclass(:{name}) is not null;");
        }

        public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
        {
            var exists = await reader.ReadAsync(ct) && await reader.GetFieldValueAsync<bool>(0, ct);
            return new SchemaObjectDelta(this, exists ? SchemaPatchDifference.None : SchemaPatchDifference.Create);
        }

        public IEnumerable<DbObjectName> AllNames()
        {
            yield return Identifier;
        }
    }
}
