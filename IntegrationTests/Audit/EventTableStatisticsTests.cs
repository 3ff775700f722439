using Fachwerk.Application;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Organisations;
using Fachwerk.IntegrationTests.Infrastructure;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fachwerk.IntegrationTests.Audit;

/// <summary>
/// A rebuild right after a bulk load must not be planned on the statistics of the empty event table (docs/benchmarks.md:
/// such a plan sorts the rest of the table for every page). Each test has a database of its own with autovacuum off on the
/// event tables, so only our code can bring the statistics up to date.
/// </summary>
public class EventTableStatisticsTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const int Organisations = 1_500;

    [Fact]
    public async Task A_rebuild_after_a_bulk_load_first_analyses_the_event_tables()
    {
        await using var store = await NewStoreAsync();
        await BulkLoadAsync(store);
        (await PlannedRowsAsync(store, "mt_events")).ShouldBeLessThan(Organisations * 0.8f, "nothing analysed the loaded events yet");

        var rebuilds = new ProjectionRebuilds(store, new ServiceCollection().BuildServiceProvider(), TimeProvider.System,
            NullLogger<ProjectionRebuilds>.Instance);
        var (job, _) = await rebuilds.StartAsync(nameof(OrganisationDetails), "admin", TestContext.Current.CancellationToken);
        await job.Completion;

        job.Status.State.ShouldBe(RebuildState.Completed, job.Status.Error);
        (await PlannedRowsAsync(store, "mt_events")).ShouldBe(Organisations);
        (await PlannedRowsAsync(store, "mt_streams")).ShouldBe(Organisations);
        await using var session = store.QuerySession();
        (await session.Query<OrganisationDetails>().CountAsync(TestContext.Current.CancellationToken)).ShouldBe(Organisations);
    }

    [Fact]
    public async Task Statistics_that_are_current_are_left_as_they_are()
    {
        await using var store = await NewStoreAsync();
        await BulkLoadAsync(store);

        (await EventTableStatistics.RefreshIfStaleAsync(store, NullLogger.Instance, TestContext.Current.CancellationToken)).ShouldBeTrue();
        var analysed = await LastAnalysedAsync(store);

        (await EventTableStatistics.RefreshIfStaleAsync(store, NullLogger.Instance, TestContext.Current.CancellationToken)).ShouldBeFalse();
        (await LastAnalysedAsync(store)).ShouldBe(analysed);
    }

    [Fact]
    public async Task An_empty_store_needs_no_analysis()
    {
        await using var store = await NewStoreAsync();

        (await EventTableStatistics.RefreshIfStaleAsync(store, NullLogger.Instance, TestContext.Current.CancellationToken)).ShouldBeFalse();
        (await LastAnalysedAsync(store)).ShouldBeNull();
    }

    private async Task<DocumentStore> NewStoreAsync()
    {
        var connectionString = await NewDatabaseAsync("fachwerk_statistics");
        var store = DocumentStore.For(opts =>
        {
            opts.Connection(connectionString);
            FachwerkApplication.ConfigureStore(opts);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await ExecuteAsync(store,
            $"alter table {FachwerkApplication.SchemaName}.mt_events set (autovacuum_enabled = false); " +
            $"alter table {FachwerkApplication.SchemaName}.mt_streams set (autovacuum_enabled = false)");
        return store;
    }

    /// <summary>One registration per organisation, through Marten's bulk path as an import of a legacy history does.</summary>
    private static async Task BulkLoadAsync(DocumentStore store)
    {
        var streams = Enumerable.Range(1, Organisations).Select(i =>
        {
            var id = Guid.NewGuid();
            var action = StreamAction.Start(store.Events, id,
                [new OrganisationRegistered(id, $"Betrieb {i}", OrganisationKind.Company, "Jena", "legacy-import", AppFixture.Start)]);
            action.AggregateType = typeof(Organisation);
            return action;
        }).ToList();
        await store.BulkInsertEventsAsync(streams, cancellation: TestContext.Current.CancellationToken);
    }

    private static async Task<float> PlannedRowsAsync(DocumentStore store, string table) =>
        (float)(await ScalarAsync(store, $"select reltuples from pg_class where oid = '{FachwerkApplication.SchemaName}.{table}'::regclass"))!;

    private static async Task<DateTimeOffset?> LastAnalysedAsync(DocumentStore store) =>
        await ScalarAsync(store, $"select last_analyze from pg_stat_user_tables where schemaname = '{FachwerkApplication.SchemaName}' and relname = 'mt_events'")
            is DateTime analysed ? new DateTimeOffset(analysed, TimeSpan.Zero) : null;

    private static Task ExecuteAsync(DocumentStore store, string sql) => ScalarAsync(store, sql);

    private static async Task<object?> ScalarAsync(DocumentStore store, string sql)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
