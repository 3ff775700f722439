using Fachwerk.Application.Applications;
using Fachwerk.Host.Database;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fachwerk.IntegrationTests.Database;

/// <summary>
/// The command path's connection settings (ADR 0020, 0024): a session keeps one connection, and that connection prepares the
/// statements it runs repeatedly, so PostgreSQL plans them once and keeps its cached plans across pooled uses; the pool is
/// capped so a slow moment cannot make it open a connection per waiting request.
/// </summary>
public class ConnectionDefaultsTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public void Statement_preparation_is_switched_on_unless_the_connection_string_says_otherwise()
    {
        Defaults(Plain).MaxAutoPrepare.ShouldBe(FachwerkDatabase.DefaultMaxAutoPrepare);
        Defaults(Plain + ";Max Auto Prepare=0").MaxAutoPrepare.ShouldBe(0);
        Defaults(Plain + ";MaxAutoPrepare=7").MaxAutoPrepare.ShouldBe(7);
        Defaults(Plain).Host.ShouldBe("db");
        Defaults(Plain).Username.ShouldBe("fachwerk");
    }

    [Fact]
    public void The_pool_opens_at_most_32_connections_unless_the_connection_string_says_otherwise()
    {
        Defaults(Plain).MaxPoolSize.ShouldBe(FachwerkDatabase.DefaultMaxPoolSize);
        Defaults(Plain + ";Maximum Pool Size=100").MaxPoolSize.ShouldBe(100);
        Defaults(Plain + ";MaxPoolSize=64").MaxPoolSize.ShouldBe(64);
        Defaults(Plain + ";maxpoolsize=8").MaxPoolSize.ShouldBe(8);
    }

    [Fact]
    public void A_pooled_connection_is_not_reset_unless_the_connection_string_says_otherwise()
    {
        Defaults(Plain).NoResetOnClose.ShouldBeTrue();
        Defaults(Plain + ";No Reset On Close=false").NoResetOnClose.ShouldBeFalse();
        Defaults(Plain + ";NoResetOnClose=false").NoResetOnClose.ShouldBeFalse();
    }

    [Fact]
    public void The_running_host_uses_these_defaults()
    {
        var used = new NpgsqlConnectionStringBuilder(Host.Services.GetRequiredService<FachwerkDatabase>().ConnectionString);

        used.MaxPoolSize.ShouldBe(FachwerkDatabase.DefaultMaxPoolSize);
        used.MaxAutoPrepare.ShouldBe(FachwerkDatabase.DefaultMaxAutoPrepare);
        used.NoResetOnClose.ShouldBeTrue();
    }

    [Fact]
    public async Task A_connection_back_from_the_pool_holds_no_advisory_lock_of_the_host()
    {
        // Without the pool's reset a lock taken and not released would stay with the pooled connection: the host's own
        // locks (the commitment upgrade's, the demo world's, the daemon's) are released where they are taken.
        await using var connection = (NpgsqlConnection)Store.Storage.Database.CreateConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var locks = new NpgsqlCommand(
            "select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()", connection);

        ((long)(await locks.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe(0);
    }

    private const string Plain = "Host=db;Database=fachwerk;Username=fachwerk";

    private static NpgsqlConnectionStringBuilder Defaults(string connectionString) =>
        new(FachwerkDatabase.WithConnectionDefaults(connectionString));

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
