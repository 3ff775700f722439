using Fachwerk.Application;
using Fachwerk.IntegrationTests.Infrastructure;
using Npgsql;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// The dashboards stay fast with 100,000 applications only because their queries read these indexes (docs/benchmarks.md);
/// the indexes are declared in the store's configuration, where a change could drop one unnoticed.
/// </summary>
public class DashboardIndexTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Theory]
    [InlineData("mt_doc_applicationsummary", "(alliance_id, status) INCLUDE (programme_id, district, requested_amount, approved_amount, paid_amount, submitted_at, approved_at, submitted_month, approved_month, review_mean)")]
    [InlineData("mt_doc_applicationsummary", "(programme_id, id)")]
    [InlineData("mt_doc_applicationsummary", "(alliance_id, id)")]
    [InlineData("mt_doc_inboxtask", "(waiting_for, due_by, since) INCLUDE (assigned_to, assigned_to_name, reminder_raised)")]
    [InlineData("mt_doc_inboxtask", "(assigned_to, due_by, since) WHERE (assigned_to IS NOT NULL)")]
    [InlineData("mt_doc_applicationsummary", "(assigned_to, id) WHERE (assigned_to IS NOT NULL)")]
    public async Task The_dashboard_queries_have_their_indexes(string table, string columns)
    {
        var definitions = await IndexDefinitions(table);

        definitions.ShouldContain(d => d.EndsWith($"USING btree {columns}", StringComparison.Ordinal), string.Join("\n", definitions));
    }

    /// <summary>
    /// Every command writes an entry into every index of these tables, so an index no query reads is pure cost
    /// (Marten's Duplicate() adds one per column unless the mapping declares the column without it).
    /// </summary>
    [Theory]
    [InlineData("mt_doc_applicationsummary",
        "btree (id)|btree (applicant_id)|btree (status)|btree (alliance_id, status) INCLUDE (programme_id, district, requested_amount, approved_amount, paid_amount, submitted_at, approved_at, submitted_month, approved_month, review_mean)|" +
        "btree (programme_id, id)|btree (alliance_id, id)|btree (assigned_to, id) WHERE (assigned_to IS NOT NULL)|" +
        "gin (to_tsvector('german'::regconfig, (data ->> 'searchText'::text)))")]
    [InlineData("mt_doc_inboxtask",
        "btree (id)|btree (application_id)|btree (waiting_for, due_by, since) INCLUDE (assigned_to, assigned_to_name, reminder_raised)|" +
        "btree (assigned_to, due_by, since) WHERE (assigned_to IS NOT NULL)")]
    public async Task The_read_model_tables_carry_no_index_that_no_query_reads(string table, string expected)
    {
        var definitions = await IndexDefinitions(table);

        var columns = definitions.Select(d => d[(d.IndexOf(" USING ", StringComparison.Ordinal) + " USING ".Length)..]);
        columns.Order().ShouldBe(expected.Split('|').Order(), string.Join("\n", definitions));
    }

    private async Task<List<string>> IndexDefinitions(string table)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("select indexdef from pg_indexes where schemaname = @schema and tablename = @table", connection);
        command.Parameters.AddWithValue("schema", FachwerkApplication.SchemaName);
        command.Parameters.AddWithValue("table", table);
        var definitions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) definitions.Add(reader.GetString(0));
        return definitions;
    }
}
