using Alba;
using Fachwerk.Application;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using Fachwerk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// Deployments that apply the schema beforehand (<c>db-apply</c>) start the host with <c>Database:ApplySchemaOnStartup=false</c>:
/// it then changes nothing in the database, and a missing schema stops it with a message instead of being created.
/// </summary>
public class SchemaOnStartupTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_host_told_not_to_apply_the_schema_refuses_to_start_on_an_empty_database_and_creates_nothing()
    {
        var connectionString = await NewDatabaseAsync("fachwerk_schema");

        var failure = await Should.ThrowAsync<Exception>(async () => await StartAsync(connectionString, applySchema: false));

        failure.Message.ShouldContain("schema is missing or older than this release");
        failure.Message.ShouldContain("db-apply");
        (await TableCountAsync(connectionString)).ShouldBe(0);
    }

    [Fact]
    public async Task A_host_told_not_to_apply_the_schema_serves_on_a_schema_applied_before()
    {
        var connectionString = await NewDatabaseAsync("fachwerk_schema");
        await using (var first = await StartAsync(connectionString, applySchema: true))
        {
            (await first.Scenario(s => s.Get.Url("/health/ready"))).ReadAsText().ShouldBe("Healthy");
        }

        var tables = await TableCountAsync(connectionString);
        tables.ShouldBeGreaterThan(0);

        await using var host = await StartAsync(connectionString, applySchema: false);
        (await host.Scenario(s => s.Get.Url("/health/ready"))).ReadAsText().ShouldBe("Healthy");
        (await TableCountAsync(connectionString)).ShouldBe(tables);
    }

    [Fact]
    public async Task A_host_starting_on_a_store_from_before_commitments_were_documents_builds_them_from_the_events()
    {
        var connectionString = await NewDatabaseAsync("fachwerk_schema");
        var programme = Guid.NewGuid();
        var application = Guid.NewGuid();
        var alliance = Guid.NewGuid();
        await using (var first = await StartAsync(connectionString, applySchema: true))
        {
            var store = first.Services.GetRequiredService<IDocumentStore>();
            await using (var session = store.LightweightSession())
            {
                session.Events.StartStream<FundingProgramme>(programme,
                    new FundingProgrammeLaunched(programme, "Arbeitsmarktkreis", [new FundingSource("ESF+", 1m)],
                        new Period(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)), 100_000m, Domain.ApplicationWorld.Rules, "admin", AppFixture.Start),
                    new FundsCommitted(programme, application, alliance, 40_000m, 10_000m, null, BudgetCommitment.Actor, AppFixture.Start));
                await session.SaveChangesAsync(TestContext.Current.CancellationToken);
            }

            // What the previous release left: no commitment document, and a snapshot listing every commitment instead of sums.
            await using (var session = store.LightweightSession())
            {
                session.Delete<Commitment>(application);
                session.QueueSqlCommand(
                    $"update {FachwerkApplication.SchemaName}.mt_doc_fundingprogramme set data = (data - 'committedByAlliance') || " +
                    "jsonb_build_object('commitments', jsonb_build_object(?::text, jsonb_build_object('amount', 40000)))", application.ToString());
                await session.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
        }

        await using var second = await StartAsync(connectionString, applySchema: false);

        await using var query = second.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await query.LoadAsync<Commitment>(application, TestContext.Current.CancellationToken)).ShouldNotBeNull().Amount.ShouldBe(40_000m);
        var snapshot = (await query.LoadAsync<FundingProgramme>(programme, TestContext.Current.CancellationToken)).ShouldNotBeNull();
        snapshot.Committed.ShouldBe(40_000m);
        snapshot.CommittedFor(alliance).ShouldBe(40_000m);
    }

    private static Task<IAlbaHost> StartAsync(string connectionString, bool applySchema) =>
        AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Fachwerk", connectionString);
            builder.UseSetting("DemoWorld:Enabled", "false");
            builder.UseSetting("Database:ApplySchemaOnStartup", applySchema ? "true" : "false");
            builder.ConfigureServices(services =>
            {
                services.MartenDaemonModeIsSolo();
                services.RunWolverineInSoloMode();
            });
        });

    private static async Task<long> TableCountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var tables = new NpgsqlCommand(
            "select count(*) from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')", connection);
        return (long)(await tables.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
