using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Fachwerk.Application.Documents;

/// <summary>
/// The tables that hold documents' bytes (docs/documents.md, ADR 0086): <c>mt_document_content</c> and <c>mt_document_chunk</c>
/// hold each distinct content once, keyed by its SHA-256 and cut into chunks; <c>mt_document_upload</c> holds the chunks of an
/// upload still being received, keyed by a random upload id. An upload's chunks move to the content tables in the transaction that
/// appends its <c>DocumentAttached</c> event, so stored content is reachable only through an event that names its hash. The
/// bytes are stored without PostgreSQL's compression (<see cref="UncompressedColumn"/>, ADR 0133).
/// </summary>
/// <remarks>
/// A Marten storage feature like the event chain: applied with the rest of the schema on start or by <c>db-apply</c>, and under
/// Marten's clean-up by its <c>mt_</c> prefix.
/// </remarks>
public sealed class DocumentStorage(StoreOptions options) : FeatureSchemaBase("Documents", options.Advanced.Migrator)
{
    public const string ContentTable = "mt_document_content";
    public const string ChunkTable = "mt_document_chunk";
    public const string UploadTable = "mt_document_upload";

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var schema = options.Events.DatabaseSchemaName;

        var content = new Table(new PostgresqlObjectName(schema, ContentTable, SchemaUtils.IdentifierUsage.General));
        content.AddColumn("sha256", "varchar(64)").AsPrimaryKey();
        content.AddColumn<long>("size").NotNull();
        content.AddColumn<int>("chunks").NotNull();
        content.AddColumn("stored_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        yield return content;

        var chunk = new Table(new PostgresqlObjectName(schema, ChunkTable, SchemaUtils.IdentifierUsage.General));
        chunk.AddColumn("sha256", "varchar(64)").AsPrimaryKey();
        chunk.AddColumn<int>("seq").AsPrimaryKey();
        chunk.AddColumn("data", "bytea").NotNull();
        yield return chunk;
        yield return new UncompressedColumn(schema, ChunkTable, "data");

        var upload = new Table(new PostgresqlObjectName(schema, UploadTable, SchemaUtils.IdentifierUsage.General));
        upload.AddColumn<Guid>("upload_id").AsPrimaryKey();
        upload.AddColumn<int>("seq").AsPrimaryKey();
        upload.AddColumn("data", "bytea").NotNull();
        upload.AddColumn("staged_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        yield return upload;
        yield return new UncompressedColumn(schema, UploadTable, "data");
    }
}
