using Fachwerk.Host.Development.LocalPostgres;
using Npgsql;

namespace Fachwerk.IntegrationTests.Database;

/// <summary>The cluster `dotnet run` starts when no connection string is configured.</summary>
public class LocalPostgresClusterTests
{
    [Fact]
    public void Without_server_binaries_the_message_names_what_to_install_and_the_alternatives()
    {
        var error = Should.Throw<LocalPostgresUnavailableException>(() =>
            LocalPostgresCluster.FindBinDirectory(configured: null, path: "", installRoots: []));

        error.Message.ShouldContain("apt-get install postgresql");
        error.Message.ShouldContain("LocalPostgres__BinDirectory");
        error.Message.ShouldContain("ConnectionStrings__Fachwerk");
    }

    [Fact]
    public void A_configured_bin_directory_is_used_first()
    {
        var found = LocalPostgresCluster.FindBinDirectory();

        LocalPostgresCluster.FindBinDirectory(found, path: "", installRoots: []).ShouldBe(found);
    }

    [Fact]
    public async Task A_persistent_cluster_is_created_on_first_start_and_reused_with_its_data_afterwards()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fachwerk-persistent-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var first = LocalPostgresCluster.Persistent(folder);
            first.Start(preferredPort: 0);
            await Execute(first, "create table marker (note text); insert into marker values ('still here')");
            first.Stop();
            File.Exists(Path.Combine(folder, "PG_VERSION")).ShouldBeTrue();

            var second = LocalPostgresCluster.Persistent(folder);
            second.Start(preferredPort: 0);
            try
            {
                (await Scalar(second, "select note from marker")).ShouldBe("still here");
            }
            finally
            {
                second.Stop();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_cluster_still_running_from_an_earlier_host_is_adopted_on_its_port()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fachwerk-adopt-" + Guid.NewGuid().ToString("N")[..8]);
        var earlier = LocalPostgresCluster.Persistent(folder);
        try
        {
            earlier.Start(preferredPort: 0);

            var later = LocalPostgresCluster.Persistent(folder);
            later.Start(preferredPort: 0);

            later.Port.ShouldBe(earlier.Port);
            (await Scalar(later, "select current_database()")).ShouldBe(LocalPostgresCluster.DatabaseName);
            later.Stop();
        }
        finally
        {
            earlier.Stop();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_durable_throwaway_cluster_commits_like_a_real_server_and_is_deleted_when_stopped()
    {
        var cluster = LocalPostgresCluster.DurableThrowaway();
        cluster.Start(preferredPort: 0);
        try
        {
            (await Scalar(cluster, "show fsync")).ShouldBe("on");
            (await Scalar(cluster, "show synchronous_commit")).ShouldBe("on");
            (await Scalar(cluster, "show full_page_writes")).ShouldBe("on");
        }
        finally
        {
            cluster.Stop();
        }

        Directory.Exists(cluster.DataDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task The_tests_throwaway_cluster_trades_durability_for_speed()
    {
        var cluster = LocalPostgresCluster.Throwaway();
        cluster.Start(preferredPort: 0);
        try
        {
            (await Scalar(cluster, "show fsync")).ShouldBe("off");
            (await Scalar(cluster, "show synchronous_commit")).ShouldBe("off");
        }
        finally
        {
            cluster.Stop();
        }
    }

    private static async Task Execute(LocalPostgresCluster cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<object?> Scalar(LocalPostgresCluster cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
