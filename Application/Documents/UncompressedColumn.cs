using DbDataReader = System.Data.Common.DbDataReader;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;

namespace Fachwerk.Application.Documents;

/// <summary>
/// A column PostgreSQL keeps out of line without trying to compress it (<c>SET STORAGE EXTERNAL</c>, ADR 0133): the documents'
/// bytes are PDFs, images and zipped office files, which PostgreSQL's default compression reads through and then stores
/// uncompressed all the same, at about 15 ms of the database's CPU per MB. Applied with the schema, after the table; a column
/// found with another storage (a store from before) is set at the next start or <c>db-apply</c>. The setting applies to rows
/// written afterwards.
/// </summary>
public sealed class UncompressedColumn(string schema, string table, string column) : ISchemaObject
{
    /// <summary>PostgreSQL's code for <c>EXTERNAL</c> in <c>pg_attribute.attstorage</c>.</summary>
    public const string External = "e";

    public DbObjectName Identifier { get; } = new PostgresqlObjectName(schema, $"{table}_{column}_storage", SchemaUtils.IdentifierUsage.General);

    public void WriteCreateStatement(Migrator migrator, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"ALTER TABLE {schema}.{table} ALTER COLUMN {column} SET STORAGE EXTERNAL;");
    }

    // A storage setting is no object of its own: dropping the table drops it.
    public void WriteDropStatement(Migrator rules, TextWriter writer)
    {
    }

    public void ConfigureQueryCommand(DbCommandBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var name = builder.AddParameter($"{schema}.{table}").ParameterName;
        var columnName = builder.AddParameter(column).ParameterName;
        builder.Append($"select attstorage::text from pg_attribute where attrelid = to_regclass(:{name}) and attname = :{columnName};");
    }

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var external = await reader.ReadAsync(ct) && await reader.GetFieldValueAsync<string>(0, ct) == External;
        return new SchemaObjectDelta(this, external ? SchemaPatchDifference.None : SchemaPatchDifference.Create);
    }

    public IEnumerable<DbObjectName> AllNames()
    {
        yield return Identifier;
    }
}
