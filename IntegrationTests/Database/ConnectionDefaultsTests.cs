using Fachwerk.Application.Applications;
using Fachwerk.Host.Database;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Npgsql;

namespace Fachwerk.IntegrationTests.Database;

/// <summary>
/// The command path's connection settings (ADR 0020): a session keeps one connection, and that connection prepares the
/// statements it runs repeatedly, so PostgreSQL plans them once and keeps its cached plans across pooled uses.
/// </summary>
public class ConnectionDefaultsTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public void Statement_preparation_is_switched_on_unless_the_connection_string_says_otherwise()
    {
        const string plain = "Host=db;Database=fachwerk;Username=fachwerk";

        new NpgsqlConnectionStringBuilder(FachwerkDatabase.WithStatementPreparation(plain)).MaxAutoPrepare
            .ShouldBe(FachwerkDatabase.DefaultMaxAutoPrepare);
        new NpgsqlConnectionStringBuilder(FachwerkDatabase.WithStatementPreparation(plain + ";Max Auto Prepare=0")).MaxAutoPrepare.ShouldBe(0);
        new NpgsqlConnectionStringBuilder(FachwerkDatabase.WithStatementPreparation(plain + ";MaxAutoPrepare=7")).MaxAutoPrepare.ShouldBe(7);
        new NpgsqlConnectionStringBuilder(FachwerkDatabase.WithStatementPreparation(plain)).Host.ShouldBe("db");
    }

    [Fact]
    public async Task A_session_runs_on_one_connection_that_prepares_a_repeated_load()
    {
        await using var session = Store.QuerySession();
        for (var i = 0; i < 6; i++) (await session.LoadAsync<ApplicationSummary>(Guid.NewGuid(), TestContext.Current.CancellationToken)).ShouldBeNull();

        // pg_prepared_statements shows the statements of the asking connection only: the loads ran on this one.
        var prepared = await session.QueryAsync<int>(
            "select count(*)::int from pg_prepared_statements where statement like '%mt_doc_applicationsummary%'", TestContext.Current.CancellationToken);

        prepared.Single().ShouldBeGreaterThan(0);
    }
}
