using Alba;
using Fachwerk.Application;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// <c>Database:StatementLogging</c>: Npgsql writes every statement or batch the store sends, and every commit, through the host's
/// logging with the connection it used (for diagnosis and the benchmark harness's round trips by origin).
/// </summary>
public class StatementLoggingTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task A_host_told_to_log_statements_writes_each_batch_it_sends_and_the_commit_with_their_connection()
    {
        var logs = new LogSink(LogLevel.Debug);
        await using var host = await StartAsync(await NewDatabaseAsync("fachwerk_statements"), logs, statementLogging: true);
        var programme = Guid.NewGuid();

        await AppendAsync(host, programme);

        var npgsql = logs.Entries.Where(e => e.Category.StartsWith("Npgsql.", StringComparison.Ordinal)).ToList();
        var append = npgsql.Where(e => e.Message.StartsWith("Executing", StringComparison.Ordinal) &&
                                      e.Message.Contains($"select {FachwerkApplication.SchemaName}.mt_quick_append_events(", StringComparison.Ordinal))
            .ShouldHaveSingleItem();
        var connector = append.State["ConnectorId"].ShouldNotBeNull();
        npgsql.ShouldContain(e => e.Category == "Npgsql.Transaction" && e.Message == "Committed transaction" && e.State["ConnectorId"] == connector);
        // What the store sends before its first command has its own lines too: the log names every round trip.
        npgsql.Count(e => e.Message.StartsWith("Executing", StringComparison.Ordinal)).ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Without_the_setting_npgsql_writes_nothing_even_with_its_categories_at_debug()
    {
        var logs = new LogSink(LogLevel.Debug);
        await using var host = await StartAsync(await NewDatabaseAsync("fachwerk_statements"), logs, statementLogging: false);

        await AppendAsync(host, Guid.NewGuid());
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Npgsql.Command").LogDebug("probe");

        // The category's debug lines reach the sink (the probe): that Npgsql's own are missing is the setting's doing.
        logs.Entries.Where(e => e.Category.StartsWith("Npgsql.", StringComparison.Ordinal)).ShouldHaveSingleItem().Message.ShouldBe("probe");
    }

    private static async Task AppendAsync(IAlbaHost host, Guid programme)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Events.StartStream<FundingProgramme>(programme,
            new FundingProgrammeLaunched(programme, "Arbeitsmarktkreis", [new FundingSource("ESF+", 1m)],
                new Period(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)), 100_000m, Domain.ApplicationWorld.Rules, "admin", AppFixture.Start));
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static Task<IAlbaHost> StartAsync(string connectionString, LogSink logs, bool statementLogging) =>
        AlbaHost.For<Program>(builder =>
        {
            TestHost.Configure(builder, connectionString, new FakeTimeProvider(AppFixture.Start), services => services.AddSingleton<ILoggerProvider>(logs));
            builder.UseSetting("Database:StatementLogging", statementLogging ? "true" : "false");
            builder.UseSetting("Logging:LogLevel:Npgsql.Command", "Debug");
            builder.UseSetting("Logging:LogLevel:Npgsql.Transaction", "Debug");
        });
}
