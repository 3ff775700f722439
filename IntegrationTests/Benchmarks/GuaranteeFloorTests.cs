using Fachwerk.Application;
using Fachwerk.Benchmarks.Postgres;
using Fachwerk.IntegrationTests.Applications;
using Fachwerk.IntegrationTests.Infrastructure;
using Npgsql;

namespace Fachwerk.IntegrationTests.Benchmarks;

/// <summary>
/// Figure 1g (ADR 0141): the guarantees' statements run on copies of the store's tables, through the store's own append
/// function and hash-chain trigger, and leave the store as it was.
/// </summary>
public class GuaranteeFloorTests(AppFixture fixture) : ApplicationApi(fixture)
{
    private const string Copy = GuaranteeFloor.Schema;

    [Fact]
    public async Task The_guarantees_statements_append_linked_events_and_write_the_read_models_in_copies_then_drop_them()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var application = await Draft(await LaunchProgramme());
        var storeVersion = await ScalarAsync($"select version from {FachwerkApplication.SchemaName}.mt_streams where id = '{application}'");

        await using (var floor = await GuaranteeFloor.PrepareAsync(ConnectionString, FachwerkApplication.SchemaName, cancellation))
        {
            floor.Applications.ShouldBeGreaterThanOrEqualTo(1);
            var before = await CopyCountsAsync();

            var all = await floor.CommandsAsync(2, TimeSpan.FromMilliseconds(300), GuaranteeFloor.Guarantees.All, cancellation);
            all.Commands.ShouldBeGreaterThan(0);
            var afterAll = await CopyCountsAsync();
            // One event a command, each linked to its stream's chain by the trigger, each stream's version moved on with it.
            (afterAll.Events - before.Events).ShouldBe(all.Commands);
            (afterAll.Links - before.Links).ShouldBe(all.Commands);
            (afterAll.Versions - before.Versions).ShouldBe(all.Commands);
            // Every application the floor moved on has its read models at its stream's version, as the inline projections keep them.
            (await ScalarAsync(Lagging("mt_doc_applicationdetails"))).ShouldBe(0);
            (await ScalarAsync(Lagging("mt_doc_applicationsummary"))).ShouldBe(0);
            (await ScalarAsync($"select count(*) from {Copy}.mt_event_chain c join {Copy}.mt_events e on e.seq_id = c.seq_id " +
                               $"where e.correlation_id = 'bench' and c.previous_hash is null")).ShouldBe(0);

            var appendOnly = await floor.CommandsAsync(2, TimeSpan.FromMilliseconds(300), GuaranteeFloor.Guarantees.Append, cancellation);
            var afterAppend = await CopyCountsAsync();
            (afterAppend.Events - afterAll.Events).ShouldBe(appendOnly.Commands);
            (afterAppend.Links - afterAll.Links).ShouldBe(0);
            (afterAppend.Versions - afterAll.Versions).ShouldBe(appendOnly.Commands);
            (await ScalarAsync(Lagging("mt_doc_applicationdetails"))).ShouldBeGreaterThan(0);
        }

        // The copies are gone, and the store never saw a command of the floor.
        (await ScalarAsync($"select count(*) from pg_namespace where nspname = '{Copy}'")).ShouldBe(0);
        (await ScalarAsync($"select count(*) from {FachwerkApplication.SchemaName}.mt_events where correlation_id = 'bench'")).ShouldBe(0);
        (await ScalarAsync($"select version from {FachwerkApplication.SchemaName}.mt_streams where id = '{application}'")).ShouldBe(storeVersion);
    }

    private sealed record CopyCounts(long Events, long Links, long Versions);

    private async Task<CopyCounts> CopyCountsAsync() =>
        new(await ScalarAsync($"select count(*) from {Copy}.mt_events"),
            await ScalarAsync($"select count(*) from {Copy}.mt_event_chain"),
            await ScalarAsync($"select coalesce(sum(version), 0) from {Copy}.mt_streams where type = 'funding_application'"));

    /// <summary>The applications with an event of the floor whose read model in <paramref name="table"/> is behind their stream.</summary>
    private static string Lagging(string table) =>
        $"select count(*) from {Copy}.{table} d join {Copy}.mt_streams s on s.id = d.id " +
        $"where d.mt_version < s.version and exists (select 1 from {Copy}.mt_events e where e.stream_id = s.id and e.correlation_id = 'bench')";

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
