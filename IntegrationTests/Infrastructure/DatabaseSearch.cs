using Npgsql;

namespace Fachwerk.IntegrationTests.Infrastructure;

/// <summary>Searches every table of the test database for a text: where personal data must not (or must still) stand.</summary>
public static class DatabaseSearch
{
    /// <summary>The tables (schema.table) in which some row, cast to text, contains <paramref name="needle"/> (case-insensitive).</summary>
    public static async Task<IReadOnlyList<string>> TablesContainingAsync(string connectionString, string needle, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);

        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
                         "select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables " +
                         "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation)) tables.Add(reader.GetString(0));
        }

        tables.Count.ShouldBeGreaterThan(10, "the search sees the event store, the documents and Wolverine's tables");
        var hits = new List<string>();
        foreach (var table in tables)
        {
#pragma warning disable CA2100 // the table names come from the catalogue, quoted by quote_ident
            await using var search = new NpgsqlCommand($"select count(*) from {table} t where strpos(lower(t::text), lower(@needle)) > 0", connection);
#pragma warning restore CA2100
            search.Parameters.AddWithValue("needle", needle);
            if ((long)(await search.ExecuteScalarAsync(cancellation))! > 0) hits.Add(table);
        }

        return hits;
    }
}
